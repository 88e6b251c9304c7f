import { addDays, compare, isRealDate } from '../../../domain/calendar.ts';
import type { CalendarDate } from '../../../domain/calendar.ts';

/**
 * Dates in a report: "ngày 18/11", "18/11", "18-11", "18/11/2026", "18/11/26", "hôm nay",
 * "hôm qua", "hôm kia". A date without a year is the most recent such date not after today.
 */
export type DateMention = { start: number; end: number; date: CalendarDate | null; explicitYear: boolean; text: string };

/** Finds every date in a folded text (positions refer to that text). An impossible date has `date: null`. */
export function findDates(folded: string, today: CalendarDate): DateMention[] {
  const found: DateMention[] = [];
  const numeric = /(?<![\d/.-])(?:ngay\s*)?(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}|\d{2}))?(?![\d/-])/g;
  for (const m of folded.matchAll(numeric)) {
    const [whole, d, mo, y] = m;
    const explicitYear = y !== undefined;
    const year = y === undefined ? null : y.length === 2 ? 2000 + Number(y) : Number(y);
    found.push({ start: m.index, end: m.index + whole.length, date: resolve(Number(d), Number(mo), year, today), explicitYear, text: whole });
  }
  const relative = /(?<![a-z])hom (nay|qua|kia)(?![a-z])/g;
  for (const m of folded.matchAll(relative)) {
    const back = m[1] === 'nay' ? 0 : m[1] === 'qua' ? 1 : 2;
    found.push({ start: m.index, end: m.index + m[0].length, date: addDays(today, -back), explicitYear: false, text: m[0] });
  }
  return found.sort((a, b) => a.start - b.start);
}

function resolve(d: number, m: number, year: number | null, today: CalendarDate): CalendarDate | null {
  if (year !== null) return isRealDate(year, m, d) ? { y: year, m, d } : null;
  // Without a year: this year's date if it is not after today, otherwise last year's.
  for (const y of [today.y, today.y - 1]) {
    if (!isRealDate(y, m, d)) continue;
    if (y < today.y || compare({ y, m, d }, today) <= 0) return { y, m, d };
  }
  // 31/11, 30/02 …: no such day.
  return null;
}
