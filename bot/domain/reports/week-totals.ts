import type { DbOrTx } from '../../../db/client.ts';
import { sumTeamMetrics } from '../../../db/queries/reports.ts';
import { addDays, isoDate, mondayOf, vietnamDate } from '../calendar.ts';

/** A team's totals for this week so far, or for the last full week: Monday to Sunday in Vietnam, reports still counted. */
export async function teamWeekTotals(db: DbOrTx, params: { teamId: number; now: Date; previous?: boolean }) {
  const today = vietnamDate(params.now);
  const monday = params.previous ? addDays(mondayOf(today), -7) : mondayOf(today);
  const to = params.previous ? addDays(monday, 6) : today;
  const rows = await sumTeamMetrics(db, { teamId: params.teamId, from: isoDate(monday), to: isoDate(to) });
  return { from: monday, to, totals: new Map(rows.map((r) => [r.metric, r.total])) };
}
