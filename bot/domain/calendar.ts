/**
 * Calendar dates as people in Vietnam mean them: a day in Asia/Ho_Chi_Minh, whatever the server's
 * time zone. Plain {y, m, d} values, so no time-of-day can slip in.
 */
export type CalendarDate = { y: number; m: number; d: number };

const dayMs = 86_400_000;
/** Built once: constructing an Intl formatter costs far more than formatting with it. */
const vietnamDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

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

export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The calendar date of an instant in Vietnam. */
export function vietnamDate(instant: Date): CalendarDate {
  const parts = vietnamDay.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { y: get('year'), m: get('month'), d: get('day') };
}

/** Monday of the week containing `date` (weeks run Monday to Sunday). */
export function mondayOf(date: CalendarDate): CalendarDate {
  const weekday = (new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

export function isoDate(date: CalendarDate): string {
  return `${date.y}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}

export function parseIsoDate(iso: string): CalendarDate {
  const [y, m, d] = iso.split('-').map(Number);
  return { y: y ?? 0, m: m ?? 0, d: d ?? 0 };
}

/** "18/11/2026" */
export function dayMonth(date: CalendarDate): string {
  return `${String(date.d).padStart(2, '0')}/${String(date.m).padStart(2, '0')}/${date.y}`;
}

/** The instant a Vietnamese calendar day starts (Vietnam has no daylight saving: always UTC+7). */
export function startOfVietnamDay(date: CalendarDate): Date {
  return new Date(Date.UTC(date.y, date.m - 1, date.d) - 7 * 3_600_000);
}

/** "2026-11": a month as stored (targets, reminder periods) and in links. */
export function isoMonth(month: { y: number; m: number }): string {
  return `${month.y}-${String(month.m).padStart(2, '0')}`;
}

/** "11/2026": a month as people in Vietnam write it. */
export function monthYear(month: { y: number; m: number }): string {
  return `${String(month.m).padStart(2, '0')}/${month.y}`;
}
