import { foldKeepLength } from './fold-keep-length.ts';
import { fillerPhrases, metricIds, metrics } from './metrics.ts';
import type { MetricId } from './metrics.ts';
import { compare, daysBetween, dayMonth, isoDate, vietnamDate } from '../../../domain/calendar.ts';
import { findDates } from './report-date.ts';

export type ReportError =
  | 'not-a-report'
  | 'no-counts'
  | 'number-without-metric'
  | 'unknown-metric'
  | 'metric-without-number'
  | 'negative-count'
  | 'count-too-large'
  | 'not-whole-number'
  | 'invalid-date'
  | 'future-date'
  | 'date-too-old'
  | 'conflicting-dates';

export type ReportResult =
  | { ok: true; date: string; counts: Partial<Record<MetricId, number>> }
  /** `detail` quotes what was wrong, from the original message. */
  | { ok: false; error: ReportError; detail: string | null };

/** How the report was introduced: "/bc" and "#bc" are commands; "báo cáo" may be ordinary talk. */
export type ReportTrigger = 'command' | 'words';

export const maxCount = 5000;
export const maxAgeDays = 60;

const trigger = /^\s*(?:([/#])(?:baocao|bc)|bao cao)(?=$|[\s:,.-])/;
// Commas, semicolons, new lines, bullets, "và", a full stop before a space, a dash not starting a negative number.
const separators = /[,;\n•+|()]|(?<![a-z])va(?![a-z])|\.(?=\s|$)|-(?!\d)/g;

type Token =
  | { type: 'metric'; metric: MetricId; start: number; end: number }
  | { type: 'number'; raw: string; start: number; end: number }
  | { type: 'word'; start: number; end: number };

/** Finds how a message starts, if it is a report at all. */
export function reportTrigger(text: string): ReportTrigger | null {
  const m = trigger.exec(foldKeepLength(text.normalize('NFC')));
  return m ? (m[1] ? 'command' : 'words') : null;
}

/**
 * Reads an activity report: a trigger, then items "<metric> <number>" or "<number> <metric>", and an
 * optional date. Any invalid item rejects the whole report — it is never saved in part.
 */
export function parseReport(text: string, now: Date): ReportResult {
  const original = text.normalize('NFC').replace(/[–—]/g, '-');
  const folded = foldKeepLength(original);
  const head = trigger.exec(folded);
  if (!head) return fail('not-a-report', null);
  const bodyStart = head[0].length;
  const today = vietnamDate(now);

  const dates = findDates(folded.slice(bodyStart), today);
  const impossible = dates.find((d) => d.date === null);
  if (impossible) return fail('invalid-date', quote(original, bodyStart + impossible.start, bodyStart + impossible.end));
  const distinct = [...new Map(dates.flatMap((d) => (d.date ? [[isoDate(d.date), d] as const] : []))).values()];
  if (distinct.length > 1) return fail('conflicting-dates', distinct.map((d) => (d.date ? dayMonth(d.date) : '')).join(' và '));
  const mention = distinct[0];
  const date = mention?.date ?? today;
  if (mention?.explicitYear && compare(date, today) > 0) return fail('future-date', dayMonth(date));
  if (daysBetween(date, today) > maxAgeDays) return fail('date-too-old', dayMonth(date));

  // Dates are blanked out (same length), so what remains is items and chatter.
  let body = folded;
  for (const d of dates) body = body.slice(0, bodyStart + d.start) + ' '.repeat(d.end - d.start) + body.slice(bodyStart + d.end);
  const counts: Partial<Record<MetricId, number>> = {};
  let items = 0;
  for (const segment of segments(body, bodyStart)) {
    const result = readSegment(body, segment.start, segment.end, original);
    if ('error' in result) return result;
    for (const [metric, n] of result.pairs) {
      counts[metric] = (counts[metric] ?? 0) + n;
      items += 1;
    }
  }
  if (items === 0) return fail('no-counts', null);
  return { ok: true, date: isoDate(date), counts };
}

function segments(body: string, from: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = from;
  for (const m of body.slice(from).matchAll(separators)) {
    out.push({ start, end: from + m.index });
    start = from + m.index + m[0].length;
  }
  out.push({ start, end: body.length });
  return out.filter((s) => s.end > s.start);
}

function readSegment(body: string, start: number, end: number, original: string): { pairs: [MetricId, number][] } | { ok: false; error: ReportError; detail: string | null } {
  const tokens = tokenize(body, start, end);
  const numbers = tokens.filter((t) => t.type === 'number');
  if (numbers.length === 0) {
    // A bare metric is a forgotten number; anything else without digits is chatter.
    const [only] = tokens;
    return tokens.length === 1 && only?.type === 'metric' ? fail('metric-without-number', quote(original, only.start, only.end)) : { pairs: [] };
  }
  const numberFirst = pair(tokens, 'number-first');
  const metricFirst = pair(tokens, 'metric-first');
  const best =
    numberFirst.unpaired.length === 0 && metricFirst.unpaired.length === 0
      ? metricFirst.leftoverMetrics < numberFirst.leftoverMetrics
        ? metricFirst
        : numberFirst
      : metricFirst.unpaired.length < numberFirst.unpaired.length
        ? metricFirst
        : numberFirst;
  const lonely = best.unpaired[0];
  if (lonely) {
    const index = tokens.indexOf(lonely);
    const words = [tokens[index + 1], tokens[index - 1]].find((t) => t?.type === 'word');
    if (!words) return fail('number-without-metric', quote(original, lonely.start, lonely.end));
    return fail('unknown-metric', quote(original, lonely.start, wordsEnd(tokens, tokens.indexOf(words))));
  }
  const pairs: [MetricId, number][] = [];
  for (const [metric, number] of best.pairs) {
    const value = readCount(number.raw);
    if (typeof value === 'string') return fail(value, quote(original, Math.min(metric.start, number.start), Math.max(metric.end, number.end)));
    pairs.push([metric.metric, value]);
  }
  return { pairs };
}

type MetricToken = Extract<Token, { type: 'metric' }>;
type NumberToken = Extract<Token, { type: 'number' }>;

function pair(tokens: Token[], order: 'number-first' | 'metric-first') {
  const used = new Set<Token>();
  const pairs: [MetricToken, NumberToken][] = [];
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    if (!next || used.has(t) || used.has(next)) return;
    if (order === 'number-first' && t.type === 'number' && next.type === 'metric') pairs.push([next, t]);
    else if (order === 'metric-first' && t.type === 'metric' && next.type === 'number') pairs.push([t, next]);
    else return;
    used.add(t).add(next);
  });
  const unpaired = tokens.filter((t): t is NumberToken => t.type === 'number' && !used.has(t));
  const leftoverMetrics = tokens.filter((t) => t.type === 'metric' && !used.has(t)).length;
  return { pairs, unpaired, leftoverMetrics };
}

function readCount(raw: string): number | ReportError {
  if (raw.startsWith('-')) return 'negative-count';
  // Vietnamese groups thousands with dots: "1.200" is one thousand two hundred.
  const value = /^\d+$/.test(raw) ? Number(raw) : /^\d{1,3}(?:\.\d{3})+$/.test(raw) ? Number(raw.replace(/\./g, '')) : null;
  if (value === null) return 'not-whole-number';
  return value > maxCount ? 'count-too-large' : value;
}

const phraseTable = [
  ...metricIds.flatMap((metric) => metrics[metric].phrases.map((phrase): { phrase: string; metric: MetricId | null } => ({ phrase, metric }))),
  ...fillerPhrases.map((phrase): { phrase: string; metric: MetricId | null } => ({ phrase, metric: null })),
].sort((a, b) => b.phrase.length - a.phrase.length);

const phraseRegex = new RegExp(
  `(?<![a-z])(?:${phraseTable.map((p, i) => `(?<p${i}>${phrasePattern(p.phrase)})`).join('|')})(?![a-z])`,
  'y',
);

/** Words of a phrase may be written together when a digit meets a letter ("muc2", "dd2"). */
function phrasePattern(phrase: string): string {
  return phrase
    .split(' ')
    .map((w, i) => (i === 0 ? '' : /^\d/.test(w) ? '\\s*' : '\\s+') + w + (/\d$/.test(w) ? '(?!\\d)' : ''))
    .join('');
}

function tokenize(body: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const ch = body.charAt(i);
    phraseRegex.lastIndex = i;
    const phrase = /[a-z]/.test(ch) ? phraseRegex.exec(body) : null;
    if (phrase && phrase.index + phrase[0].length <= end) {
      const hit = phraseTable.findIndex((_, k) => phrase.groups?.[`p${k}`] !== undefined);
      const metric = phraseTable[hit]?.metric ?? null;
      if (metric) tokens.push({ type: 'metric', metric, start: i, end: i + phrase[0].length });
      i += phrase[0].length;
      continue;
    }
    const number = /^-?\d+(?:\.\d+)*/.exec(body.slice(i, end));
    if (number && (ch !== '-' || !/[\d.]/.test(body.charAt(i - 1)))) {
      tokens.push({ type: 'number', raw: number[0], start: i, end: i + number[0].length });
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

function wordsEnd(tokens: Token[], from: number): number {
  let end = tokens[from]?.end ?? 0;
  for (let k = from + 1; k < tokens.length && tokens[k]?.type === 'word'; k++) end = tokens[k]?.end ?? end;
  return end;
}

function quote(original: string, start: number, end: number): string {
  return original.slice(start, end).trim();
}

function fail(error: ReportError, detail: string | null): { ok: false; error: ReportError; detail: string | null } {
  return { ok: false, error, detail };
}
