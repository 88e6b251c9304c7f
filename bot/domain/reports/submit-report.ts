import type { DbOrTx } from '../../../db/client.ts';
import { insertReport } from '../../../db/queries/reports.ts';
import type { ReportRow } from '../../../db/queries/reports.ts';

/** Saves a parsed report once per message: the same message delivered twice counts once. */
export async function submitReport(
  db: DbOrTx,
  params: { teamId: number; memberId: number; inboundEventId: number; date: string; counts: Partial<Record<string, number>>; now: Date },
): Promise<{ kind: 'saved'; report: ReportRow } | { kind: 'duplicate' }> {
  const items = Object.entries(params.counts).flatMap(([metric, count]) => (count === undefined ? [] : [{ metric, count }]));
  const report = await insertReport(db, { teamId: params.teamId, memberId: params.memberId, reportDate: params.date, inboundEventId: params.inboundEventId, createdAt: params.now, items });
  return report ? { kind: 'saved', report } : { kind: 'duplicate' };
}
