/**
 * Dates in a report: "ngày 18/11", "18/11", "18-11", "18/11/2026", "18/11/26", "hôm nay",
 * "hôm qua", "hôm kia". A date without a year is the most recent such date not after today;
 * "today" is the calendar date in Asia/Ho_Chi_Minh.
 */
export type CalendarDate = { y: number; m: number; d: number };
export type DateMention = { start: number; end: number; date: CalendarDate | null; explicitYear: boolean; text: string };

const dayMs = 86_400_000;
const tz = 'Asia/Ho_Chi_Minh';

/** Finds every date in a folded text (positions refer to that text). An impossible date has `date: null`. */
export function findDates(folded: string, today: CalendarDate): DateMention[] {
  const found: DateMention[] = [];
  const numeric = /(?<![\d/.-])(?:ngay\s*)?(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}|\d{2}))?(?![\d/-])/g;
  for (const m of folded.matchAll(numeric)) {
    const [whole, d, mo, y] = m;
    const start = m.index;
    const explicitYear = y !== undefined;
    const year = y === undefined ? null : y.length === 2 ? 2000 + Number(y) : Number(y);
    found.push({ start, end: start + whole.length, date: resolve(Number(d), Number(mo), year, today), explicitYear, text: whole });
  }
  const relative = /(?<![a-z])hom (nay|qua|kia)(?![a-z])/g;
  for (const m of folded.matchAll(relative)) {
    const back = m[1] === 'nay' ? 0 : m[1] === 'qua' ? 1 : 2;
    found.push({ start: m.index, end: m.index + m[0].length, date: addDays(today, -back), explicitYear: false, text: m[0] });
  }
  return found.sort((a, b) => a.start - b.start);
}

function resolve(d: number, m: number, year: number | null, today: CalendarDate): CalendarDate | null {
  if (year !== null) return isReal(year, m, d) ? { y: year, m, d } : null;
  // Without a year: this year's date if it is not after today, otherwise last year's.
  for (const y of [today.y, today.y - 1]) {
    if (!isReal(y, m, d)) continue;
    if (y < today.y || compare({ y, m, d }, today) <= 0) return { y, m, d };
  }
  // 31/11, 30/02 …: no such day in either year.
  return null;
}

function isReal(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function compare(a: CalendarDate, b: CalendarDate): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.UTC(to.y, to.m - 1, to.d) - Date.UTC(from.y, from.m - 1, from.d)) / dayMs);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d) + days * dayMs);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** The calendar date of an instant in Vietnam. */
export function vietnamDate(instant: Date): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { y: get('year'), m: get('month'), d: get('day') };
}

export function isoDate(date: CalendarDate): string {
  return `${date.y}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}

export function dayMonth(date: CalendarDate): string {
  return `${String(date.d).padStart(2, '0')}/${String(date.m).padStart(2, '0')}/${date.y}`;
}
