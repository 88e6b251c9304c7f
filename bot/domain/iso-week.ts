import { addDays, mondayOf } from './calendar.ts';
import type { CalendarDate } from './calendar.ts';

/** An ISO-8601 week (Monday to Sunday), as leaders and the `--week 2026-W48` option name it. */
export type IsoWeek = { year: number; week: number };

/** The ISO week a date falls in: the week's Thursday decides its year. */
export function isoWeekOf(date: CalendarDate): IsoWeek {
  const thursday = addDays(mondayOf(date), 3);
  const firstThursday = addDays(mondayOf({ y: thursday.y, m: 1, d: 4 }), 3);
  const days = (Date.UTC(thursday.y, thursday.m - 1, thursday.d) - Date.UTC(firstThursday.y, firstThursday.m - 1, firstThursday.d)) / 86_400_000;
  return { year: thursday.y, week: Math.round(days / 7) + 1 };
}

export function weekDays(week: IsoWeek): { monday: CalendarDate; sunday: CalendarDate } {
  const monday = addDays(mondayOf({ y: week.year, m: 1, d: 4 }), (week.week - 1) * 7);
  return { monday, sunday: addDays(monday, 6) };
}

export function previousWeek(week: IsoWeek): IsoWeek {
  return isoWeekOf(addDays(weekDays(week).monday, -7));
}

/** "2026-W48" → the week, or null when it is not one. */
export function parseIsoWeek(text: string): IsoWeek | null {
  const match = /^(\d{4})-?W(\d{1,2})$/i.exec(text.trim());
  if (!match) return null;
  const week = { year: Number(match[1]), week: Number(match[2]) };
  if (week.week < 1) return null;
  // Week 53 exists only in some years: it must map back to itself.
  const back = isoWeekOf(weekDays(week).monday);
  return back.year === week.year && back.week === week.week ? week : null;
}

export function formatIsoWeek(week: IsoWeek): string {
  return `${week.year}-W${String(week.week).padStart(2, '0')}`;
}
