import { addDays, compare, daysBetween, isRealDate } from '../../../domain/calendar.ts';
import type { CalendarDate } from '../../../domain/calendar.ts';

/**
 * Dates in a report (docs/report-grammar.md): "ngày 18/11", "18/11", "18-11", "18/11/2026",
 * "18/11/26", "hôm nay", "hôm qua", "hôm kia", "sáng nay", "tối qua", "thứ 2"… "chủ nhật". A date
 * without a year is the nearest such date to today; when that lies ahead it stays ahead (and the
 * report is refused as future), so "1/12" sent on 30 November is never last year's 1 December.
 */
export type DateMention = { start: number; end: number; date: CalendarDate | null; explicitYear: boolean; text: string };

const numeric = /(?<![\d/.-])(?:ngay\s*)?(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}|\d{2}))?(?![\d/-])/g;
const relative = /(?<![a-z])(?:(?:hom|sang|trua|chieu|toi|dem) (nay|qua|kia)|(?:sang|trua|chieu|toi|dem) (nay|qua))(?![a-z])/g;
const weekday = /(?<![a-z])(?<!so\s)(?:(?:ngay\s+)?thu\s*(2|3|4|5|6|7|hai|ba|tu|nam|sau|bay)|(?:ngay\s+)?chu\s*nhat|(?<![a-z])cn(?=\s|$|[,.:;]))(?![a-z\d])/g;
const weekdayNumbers: Record<string, number> = { '2': 1, hai: 1, '3': 2, ba: 2, '4': 3, tu: 3, '5': 4, nam: 4, '6': 5, sau: 5, '7': 6, bay: 6 };

/**
 * Finds every date in a folded text (positions refer to that text and to `original`, its NFC source
 * of the same length). An impossible date has `date: null`.
 */
export function findDates(folded: string, original: string, today: CalendarDate): DateMention[] {
  const found: DateMention[] = [];
  for (const m of folded.matchAll(numeric)) {
    const [whole, d, mo, y] = m;
    const year = y === undefined ? null : y.length === 2 ? 2000 + Number(y) : Number(y);
    found.push({ start: m.index, end: m.index + whole.length, date: resolve(Number(d), Number(mo), year, today), explicitYear: y !== undefined, text: whole });
  }
  for (const m of folded.matchAll(relative)) {
    // "tối qua" is last night, but "tôi qua 5 hộ" is "I went to 5 households": only the marked "tối" counts.
    if (m[0].startsWith('toi') && original.slice(m.index, m.index + 3).toLowerCase() !== 'tối') continue;
    const word = m[1] ?? m[2];
    const back = word === 'nay' ? 0 : word === 'qua' ? 1 : 2;
    found.push({ start: m.index, end: m.index + m[0].length, date: addDays(today, -back), explicitYear: false, text: m[0] });
  }
  for (const m of folded.matchAll(weekday)) {
    // "số thứ tự" (a queue number) is not "thứ tư" (Wednesday).
    if (m[1] === 'tu' && /tự/i.test(original.slice(m.index, m.index + m[0].length))) continue;
    // Monday = 1 … Saturday = 6, Sunday = 0: the latest such day, today included.
    const wanted = m[1] === undefined ? 0 : (weekdayNumbers[m[1]] ?? 0);
    const todayWeekday = new Date(Date.UTC(today.y, today.m - 1, today.d)).getUTCDay();
    found.push({ start: m.index, end: m.index + m[0].length, date: addDays(today, -((todayWeekday - wanted + 7) % 7)), explicitYear: false, text: m[0] });
  }
  return found.sort((a, b) => a.start - b.start);
}

function resolve(d: number, m: number, year: number | null, today: CalendarDate): CalendarDate | null {
  if (year !== null) return isRealDate(year, m, d) ? { y: year, m, d } : null;
  // 31/11, 30/02…: no such day in any year near today.
  const candidates = [today.y - 1, today.y, today.y + 1].filter((y) => isRealDate(y, m, d)).map((y) => ({ y, m, d }));
  if (candidates.length === 0) return null;
  return candidates.reduce((best, c) => (Math.abs(daysBetween(today, c)) < Math.abs(daysBetween(today, best)) ? c : best));
}

/** Whether the date lies after today. */
export function isFuture(date: CalendarDate, today: CalendarDate): boolean {
  return compare(date, today) > 0;
}
