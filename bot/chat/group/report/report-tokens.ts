import { fillerPhrases, metricIds, metrics, placePhrases, totalPhrases } from './metrics.ts';
import type { MetricId } from './metrics.ts';

/** A piece of a report line, with its position in the folded text. */
export type ReportToken =
  | { type: 'metric'; metric: MetricId; start: number; end: number }
  | { type: 'number'; raw: string; start: number; end: number; total: boolean }
  | { type: 'total'; start: number; end: number }
  | { type: 'word'; start: number; end: number };

type PhraseKind = { metric: MetricId } | { kind: 'filler' | 'total' | 'place' };

const phraseTable: { phrase: string; kind: PhraseKind }[] = [
  ...metricIds.flatMap((metric) => metrics[metric].phrases.map((phrase) => ({ phrase, kind: { metric } }))),
  ...fillerPhrases.map((phrase) => ({ phrase, kind: { kind: 'filler' as const } })),
  ...totalPhrases.map((phrase) => ({ phrase, kind: { kind: 'total' as const } })),
  ...placePhrases.map((phrase) => ({ phrase, kind: { kind: 'place' as const } })),
].sort((a, b) => b.phrase.length - a.phrase.length);

const phraseRegex = new RegExp(`(?<![a-z])(?:${phraseTable.map((p, i) => `(?<p${i}>${phrasePattern(p.phrase)})`).join('|')})(?![a-z])`, 'y');
/** "8h", "8h30", "8 giờ", "14 gio 15": a time of day, not a count. */
const timeOfDay = /^\d{1,2}\s*(?:h|gio)(?:\s*\d{1,2})?(?![a-z\d])/;
const placeNumber = /^\s*[:.]?\s*\d+[a-z]?(?![\d.])/;

/** Words of a phrase may be written together when a digit meets a letter ("muc2", "dd2"). */
function phrasePattern(phrase: string): string {
  return phrase
    .split(' ')
    .map((w, i) => (i === 0 ? '' : /^\d/.test(w) ? '\\s*' : '\\s+') + w + (/\d$/.test(w) ? '(?!\\d)' : ''))
    .join('');
}

/**
 * Splits one segment of a folded report into metrics, numbers, total markers and other words.
 * Fillers vanish; a place with its number ("thôn 3") and a time ("8h30") vanish whole; a number
 * right after a total marker is flagged as a total.
 */
export function tokenizeReport(body: string, start: number, end: number): ReportToken[] {
  const tokens: ReportToken[] = [];
  let i = start;
  let afterTotal = false;
  while (i < end) {
    const ch = body.charAt(i);
    phraseRegex.lastIndex = i;
    const phrase = /[a-z]/.test(ch) ? phraseRegex.exec(body) : null;
    if (phrase && phrase.index + phrase[0].length <= end) {
      const hit = phraseTable.find((_, k) => phrase.groups?.[`p${k}`] !== undefined)?.kind;
      const after = i + phrase[0].length;
      if (hit && 'metric' in hit) tokens.push({ type: 'metric', metric: hit.metric, start: i, end: after });
      else if (hit?.kind === 'total') {
        tokens.push({ type: 'total', start: i, end: after });
        afterTotal = true;
      } else if (hit?.kind === 'place') {
        const number = placeNumber.exec(body.slice(after, end));
        i = after + (number ? number[0].length : 0);
        continue;
      }
      i = after;
      continue;
    }
    const time = /\d/.test(ch) && !/[\d.]/.test(body.charAt(i - 1)) ? timeOfDay.exec(body.slice(i, end)) : null;
    if (time) {
      i += time[0].length;
      continue;
    }
    const number = /^-?\d+(?:[.,]\d+)*/.exec(body.slice(i, end));
    if (number && (ch !== '-' || !/[\d.]/.test(body.charAt(i - 1)))) {
      tokens.push({ type: 'number', raw: number[0], start: i, end: i + number[0].length, total: afterTotal });
      afterTotal = false;
      i += number[0].length;
      continue;
    }
    const word = /^[a-z]+/.exec(body.slice(i, end));
    if (word) {
      tokens.push({ type: 'word', start: i, end: i + word[0].length });
      i += word[0].length;
      continue;
    }
    i += 1;
  }
  return tokens;
}
