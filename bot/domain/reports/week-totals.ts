import type { DbOrTx } from '../../../db/client.ts';
import { sumTeamMetrics } from '../../../db/queries/reports.ts';
import { isoDate, mondayOf, vietnamDate } from '../calendar.ts';

/** This week's totals for a team: Monday to Sunday in Vietnam, reports still counted. */
export async function teamWeekTotals(db: DbOrTx, params: { teamId: number; now: Date }) {
  const today = vietnamDate(params.now);
  const monday = mondayOf(today);
  const rows = await sumTeamMetrics(db, { teamId: params.teamId, from: isoDate(monday), to: isoDate(today) });
  return { from: monday, to: today, totals: new Map(rows.map((r) => [r.metric, r.total])) };
}
