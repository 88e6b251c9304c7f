import { dayMonth, isoDate, vietnamDate } from '../../../domain/calendar.ts';
import { foldKeepLength } from './fold-keep-length.ts';
import { metrics } from './metrics.ts';
import type { MetricId } from './metrics.ts';
import { findDates } from './report-date.ts';
import { checkCount, checkReportDate } from './report-values.ts';
import { tokenizeReport } from './report-tokens.ts';
import type { ReportToken } from './report-tokens.ts';

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
  | 'conflicting-dates'
  | 'total-mismatch';

export type ReportResult =
  | { ok: true; date: string; counts: Partial<Record<MetricId, number>> }
  /** `detail` quotes what was wrong, from the original message; never empty when present. */
  | { ok: false; error: ReportError; detail: string | null };
type Failure = Extract<ReportResult, { ok: false }>;

/** How the report was introduced: "/bc" and "#bc" are commands; "báo cáo", "bc" may be ordinary talk. */
export type ReportTrigger = 'command' | 'words';


const trigger = /^\s*(?:([/#])\s*(?:bao\s*cao|bc)|bao cao|bc)(?=$|[\s:,.;-]|\d)/;
// Commas (not inside a number), semicolons, new lines, bullets, "và", a full stop before a space, a dash not starting a number.
const separators = /(?<!\d),|,(?!\d)|[;\n•+|()]|(?<![a-z])va(?![a-z])|\.(?=\s|$)|-(?!\d)/g;

/** Finds how a message starts, if it is a report at all. */
export function reportTrigger(text: string): ReportTrigger | null {
  const m = trigger.exec(foldKeepLength(text.normalize('NFC')));
  return m ? (m[1] ? 'command' : 'words') : null;
}

/**
 * Reads an activity report (docs/report-grammar.md): a trigger, then items "<metric> <number>" or
 * "<number> <metric>", totals, and an optional date. Every number is placed on a metric or the whole
 * report is refused, naming the words that could not be placed — it is never saved in part.
 */
export function parseReport(text: string, now: Date): ReportResult {
  const original = text.normalize('NFC').replace(/[–—]/g, '-');
  const folded = foldKeepLength(original);
  const head = trigger.exec(folded);
  if (!head) return fail('not-a-report', null);
  const bodyStart = head[0].length;
  // Talk that starts with "báo cáo" but holds no number at all is not a report.
  if (!head[1] && !/\d/.test(folded.slice(bodyStart))) return fail('not-a-report', null);
  const today = vietnamDate(now);

  const dates = findDates(folded.slice(bodyStart), original.slice(bodyStart), today);
  const impossible = dates.find((d) => d.date === null);
  if (impossible) return fail('invalid-date', quote(original, bodyStart + impossible.start, bodyStart + impossible.end, impossible.text));
  const distinct = [...new Map(dates.flatMap((d) => (d.date ? [[isoDate(d.date), d] as const] : []))).values()];
  if (distinct.length > 1) return fail('conflicting-dates', distinct.map((d) => (d.date ? dayMonth(d.date) : '')).join(' và '));
  const date = distinct[0]?.date ?? today;
  const dateProblem = checkReportDate(date, today);
  if (dateProblem) return fail(dateProblem.error, dateProblem.detail);

  // Dates are blanked out (same length), so what remains is items and chatter.
  let body = folded;
  for (const d of dates) body = body.slice(0, bodyStart + d.start) + ' '.repeat(d.end - d.start) + body.slice(bodyStart + d.end);
  const items: Item[] = [];
  for (const segment of segments(body, bodyStart)) {
    const read = readSegment(tokenizeReport(body, segment.start, segment.end), original);
    if ('error' in read) return read;
    items.push(...read.items);
  }
  if (items.length === 0) return fail('no-counts', null);
  const counts = countItems(items, original);
  return 'error' in counts ? counts : { ok: true, date: isoDate(date), counts };
}

/** One placed number: a count of a metric, a total of a metric, or a total of everything. */
type Item = { metric: MetricId | null; value: number; total: boolean; start: number; end: number };

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

type MetricToken = Extract<ReportToken, { type: 'metric' }>;
type NumberToken = Extract<ReportToken, { type: 'number' }>;

function readSegment(all: ReportToken[], original: string): { items: Item[] } | Failure {
  const tokens = dropUnitWords(all);
  const numbers = tokens.filter((t): t is NumberToken => t.type === 'number');
  if (numbers.length === 0) {
    // A bare metric is a forgotten number; anything else without digits is chatter.
    const [only] = tokens;
    return tokens.length === 1 && only?.type === 'metric' ? fail('metric-without-number', quote(original, only.start, only.end, '')) : { items: [] };
  }
  const numberFirst = pair(tokens, 'number-first');
  const metricFirst = pair(tokens, 'metric-first');
  const best =
    numberFirst.unpaired.length === metricFirst.unpaired.length
      ? metricFirst.leftoverMetrics < numberFirst.leftoverMetrics
        ? metricFirst
        : numberFirst
      : metricFirst.unpaired.length < numberFirst.unpaired.length
        ? metricFirst
        : numberFirst;
  const items: Item[] = [];
  for (const lonely of best.unpaired) {
    // "tổng 15": a total of everything else, checked later.
    if (lonely.total) {
      const value = readCount(lonely.raw);
      if (typeof value === 'string') return fail(value, quote(original, lonely.start, lonely.end, lonely.raw));
      items.push({ metric: null, value, total: true, start: lonely.start, end: lonely.end });
      continue;
    }
    // Words right after the number ("5 con gà"), or before it with a colon ("zalo: 4"), are what the member meant to count.
    const index = tokens.indexOf(lonely);
    const before = tokens[index - 1];
    const colonBefore = before?.type === 'word' && original.slice(before.end, lonely.start).includes(':');
    const word = tokens[index + 1]?.type === 'word' ? tokens[index + 1] : colonBefore ? before : undefined;
    if (!word) return fail('number-without-metric', quote(original, lonely.start, lonely.end, lonely.raw));
    const wordIndex = tokens.indexOf(word);
    const from = Math.min(lonely.start, word.start);
    return fail('unknown-metric', quote(original, from, wordsEnd(tokens, wordIndex), lonely.raw));
  }
  for (const [metric, number] of best.pairs) {
    const value = readCount(number.raw);
    const from = Math.min(metric.start, number.start);
    const to = Math.max(metric.end, number.end);
    if (typeof value === 'string') return fail(value, quote(original, from, to, number.raw));
    items.push({ metric: metric.metric, value, total: number.total, start: from, end: to });
  }
  return { items };
}

/**
 * "3 người cài VssID", "6 hộ làm sổ sức khỏe": the people or households are the unit of the
 * service count (a verb or two may stand between), not a second count; they and the verb go.
 */
function dropUnitWords(tokens: ReportToken[]): ReportToken[] {
  const dropped = new Set<number>();
  tokens.forEach((t, i) => {
    if (t.type !== 'metric' || metrics[t.metric].unit === 'service' || tokens[i - 1]?.type !== 'number') return;
    let next = i + 1;
    while (next < i + 3 && tokens[next]?.type === 'word') next++;
    const service = tokens[next];
    if (service?.type !== 'metric' || metrics[service.metric].unit !== 'service' || tokens[next + 1]?.type === 'number') return;
    for (let k = i; k < next; k++) dropped.add(k);
  });
  return tokens.filter((_, i) => !dropped.has(i));
}

function pair(tokens: ReportToken[], order: 'number-first' | 'metric-first') {
  const used = new Set<ReportToken>();
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

/** Adds the counts of each metric; a total replaces its parts after checking them, never adds to them. */
function countItems(items: Item[], original: string): Partial<Record<MetricId, number>> | Failure {
  const counts: Partial<Record<MetricId, number>> = {};
  const parts: Partial<Record<MetricId, number[]>> = {};
  for (const item of items) {
    if (!item.metric || item.total) continue;
    (parts[item.metric] ??= []).push(item.value);
    counts[item.metric] = (counts[item.metric] ?? 0) + item.value;
  }
  for (const item of items) {
    if (!item.total || !item.metric) continue;
    const seen = parts[item.metric];
    if (seen && sum(seen) !== item.value) return fail('total-mismatch', `${quote(original, item.start, item.end, String(item.value))} ≠ ${seen.join(' + ')}`);
    counts[item.metric] = item.value;
  }
  const everything = sum(Object.values(counts));
  for (const item of items) {
    if (!item.total || item.metric) continue;
    const listed = Object.values(counts);
    if (item.value !== everything) return fail('total-mismatch', `tổng ${item.value} ≠ ${listed.join(' + ')} = ${everything}`);
  }
  return counts;
}

function sum(values: (number | undefined)[]): number {
  return values.reduce<number>((a, b) => a + (b ?? 0), 0);
}

function readCount(raw: string): number | ReportError {
  if (raw.startsWith('-')) return 'negative-count';
  // Vietnamese groups thousands with dots: "1.200" is one thousand two hundred; "2,5" is not whole.
  const value = /^\d+$/.test(raw) ? Number(raw) : /^\d{1,3}(?:\.\d{3})+$/.test(raw) ? Number(raw.replace(/\./g, '')) : null;
  if (value === null) return 'not-whole-number';
  return checkCount(value, raw)?.error ?? value;
}

function wordsEnd(tokens: ReportToken[], from: number): number {
  let end = tokens[from]?.end ?? 0;
  for (let k = from + 1; k < tokens.length && tokens[k]?.type === 'word'; k++) end = tokens[k]?.end ?? end;
  return end;
}

/** The words of the original message at these positions; the fallback when that would be empty. */
function quote(original: string, start: number, end: number, fallback: string): string | null {
  const text = original.slice(start, end).trim();
  return text || fallback.trim() || null;
}

function fail(error: ReportError, detail: string | null): Failure {
  return { ok: false, error, detail };
}
