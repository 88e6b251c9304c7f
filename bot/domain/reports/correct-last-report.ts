import type { DbOrTx } from '../../../db/client.ts';
import type { ReportRow } from '../../../db/queries/reports.ts';
import { submitReport } from './submit-report.ts';
import { undoLastReport } from './undo-last-report.ts';

/**
 * `/sua …`: the sender's last report of the past 24 hours stops counting and the corrected one is
 * saved in its place, in the same transaction, so a team never counts both or neither.
 */
export async function correctLastReport(
  db: DbOrTx,
  params: { teamId: number; memberId: number; inboundEventId: number; date: string; counts: Partial<Record<string, number>>; now: Date },
): Promise<{ kind: 'corrected'; replaced: ReportRow; report: ReportRow } | { kind: 'nothing' } | { kind: 'duplicate' }> {
  const undone = await undoLastReport(db, { memberId: params.memberId, now: params.now });
  if (undone.kind === 'nothing') return { kind: 'nothing' };
  const saved = await submitReport(db, params);
  return saved.kind === 'saved' ? { kind: 'corrected', replaced: undone.report, report: saved.report } : { kind: 'duplicate' };
}
