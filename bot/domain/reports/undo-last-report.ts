import type { DbOrTx } from '../../../db/client.ts';
import { findLastCountedReport, listReportItems, markReportUndone } from '../../../db/queries/reports.ts';
import type { ReportRow } from '../../../db/queries/reports.ts';

export const undoWindowMs = 24 * 3600_000;

/** `/huy`: the sender's own last report of the past 24 h stops counting. */
export async function undoLastReport(
  db: DbOrTx,
  params: { memberId: number; now: Date },
): Promise<{ kind: 'undone'; report: ReportRow; items: { metric: string; count: number }[] } | { kind: 'nothing' }> {
  const report = await findLastCountedReport(db, { memberId: params.memberId, since: new Date(params.now.getTime() - undoWindowMs) });
  if (!report) return { kind: 'nothing' };
  await markReportUndone(db, { id: report.id, at: params.now });
  return { kind: 'undone', report, items: await listReportItems(db, [report.id]) };
}
