import { daysBetween, dayMonth, isRealDate, parseIsoDate } from '../../../domain/calendar.ts';
import type { CalendarDate } from '../../../domain/calendar.ts';
import { metricIds } from './metrics.ts';
import type { MetricId } from './metrics.ts';
import { isFuture } from './report-date.ts';

/** Limits every report obeys, however it was made: the group grammar and the Mini App form. */
export const maxCount = 5000;
export const maxAgeDays = 60;

export type ReportValueError = 'no-counts' | 'unknown-metric' | 'negative-count' | 'count-too-large' | 'not-whole-number' | 'invalid-date' | 'future-date' | 'date-too-old';

export type ReportValuesCheck =
  | { ok: true; date: CalendarDate; counts: Partial<Record<MetricId, number>> }
  | { ok: false; error: ReportValueError; detail: string | null };

/** A report's day: not in the future, not older than `maxAgeDays`. */
export function checkReportDate(date: CalendarDate, today: CalendarDate): Extract<ReportValuesCheck, { ok: false }> | null {
  if (isFuture(date, today)) return { ok: false, error: 'future-date', detail: dayMonth(date) };
  if (daysBetween(date, today) > maxAgeDays) return { ok: false, error: 'date-too-old', detail: dayMonth(date) };
  return null;
}

/** One count: a whole number from 0 to `maxCount`. */
export function checkCount(value: number, shown: string): Extract<ReportValuesCheck, { ok: false }> | null {
  if (!Number.isFinite(value) || !Number.isInteger(value)) return { ok: false, error: 'not-whole-number', detail: shown };
  if (value < 0) return { ok: false, error: 'negative-count', detail: shown };
  if (value > maxCount) return { ok: false, error: 'count-too-large', detail: shown };
  return null;
}

/**
 * A report given as values (the Mini App's form): an ISO date and counts by metric id. The same
 * rules as a report typed in a group; zero counts are dropped, and at least one must remain.
 */
export function checkReportValues(input: { date: string; counts: Record<string, number> }, today: CalendarDate): ReportValuesCheck {
  const date = parseIsoDate(input.date);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || !isRealDate(date.y, date.m, date.d)) return { ok: false, error: 'invalid-date', detail: input.date };
  const dateProblem = checkReportDate(date, today);
  if (dateProblem) return dateProblem;
  const counts: Partial<Record<MetricId, number>> = {};
  for (const [metric, value] of Object.entries(input.counts)) {
    const id = metricIds.find((m) => m === metric);
    if (!id) return { ok: false, error: 'unknown-metric', detail: metric };
    const problem = checkCount(value, String(value));
    if (problem) return problem;
    if (value > 0) counts[id] = value;
  }
  if (Object.keys(counts).length === 0) return { ok: false, error: 'no-counts', detail: null };
  return { ok: true, date, counts };
}
