import { addDays, startOfVietnamDay, vietnamDate } from '../../domain/calendar.ts';
import type { CalendarDate } from '../../domain/calendar.ts';

/**
 * "thu 7 8h", "thứ bảy 8 giờ", "chủ nhật 7h30", "mai 9h", "20/12 8h" at the end of a leader's
 * command: when to send. Returns the instant (the next one, Vietnam time) and the text before it,
 * or null when the command has no time. Matched on folded, lower-case text of the same length.
 */
export function parseSendTime(folded: string, now: Date): { at: Date; before: string } | null {
  const match =
    /\s(thu\s*(2|3|4|5|6|7|hai|ba|tu|nam|sau|bay)|chu\s*nhat|cn|(?:ngay\s*)?mai|(\d{1,2})\/(\d{1,2}))\s*(?:luc\s*)?(\d{1,2})\s*(?:h|g|gio|:)\s*(\d{2})?\s*(?:sang|chieu|toi)?\s*$/.exec(` ${folded}`);
  if (!match) return null;
  const [, dayWord = '', weekday, dd, mm, hh = '', min] = match;
  const hour = Number(hh) + (/(chieu|toi)\s*$/.test(folded) && Number(hh) < 12 ? 12 : 0);
  const minute = Number(min ?? 0);
  if (hour > 23 || minute > 59) return null;
  const today = vietnamDate(now);
  const day = dayOf(dayWord, weekday, dd, mm, today);
  if (!day) return null;
  let at = new Date(startOfVietnamDay(day).getTime() + (hour * 60 + minute) * 60_000);
  // A weekday already past this week means next week.
  if (at <= now && weekday !== undefined) at = new Date(at.getTime() + 7 * 86_400_000);
  return { at, before: folded.slice(0, Math.max(0, match.index - 1)).trim() };
}

const weekdayNumbers: Record<string, number> = { '2': 0, hai: 0, '3': 1, ba: 1, '4': 2, tu: 2, '5': 3, nam: 3, '6': 4, sau: 4, '7': 5, bay: 5 };

function dayOf(dayWord: string, weekday: string | undefined, dd: string | undefined, mm: string | undefined, today: CalendarDate): CalendarDate | null {
  const mondayOffset = (new Date(Date.UTC(today.y, today.m - 1, today.d)).getUTCDay() + 6) % 7;
  if (weekday !== undefined) return addDays(today, (weekdayNumbers[weekday] ?? 0) - mondayOffset);
  if (/^(chu\s*nhat|cn)$/.test(dayWord)) return addDays(today, 6 - mondayOffset);
  if (/mai$/.test(dayWord)) return addDays(today, 1);
  const d = Number(dd);
  const m = Number(mm);
  if (!d || !m || m > 12) return null;
  const thisYear = { y: today.y, m, d };
  return m < today.m || (m === today.m && d < today.d) ? { y: today.y + 1, m, d } : thisYear;
}
