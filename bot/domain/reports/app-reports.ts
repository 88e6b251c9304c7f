import type { Tx } from '../../../db/client.ts';
import { insertAppReport, lockReport, replaceReport } from '../../../db/queries/app-reports.ts';
import { markReportUndone } from '../../../db/queries/reports.ts';
import type { ReportRow } from '../../../db/queries/reports.ts';

/** A report made in the Mini App may be edited or withdrawn for this long after it was made. */
export const appEditWindowMs = 7 * 24 * 3600_000;

type Items = { metric: string; count: number }[];

export function itemsOf(counts: Partial<Record<string, number>>): Items {
  return Object.entries(counts).flatMap(([metric, count]) => (count === undefined ? [] : [{ metric, count }]));
}

/** Saves a report from the Mini App once per device key: a retry of the same report counts once. */
export async function submitAppReport(
  tx: Tx,
  p: { teamId: number; memberId: number; clientKey: string; date: string; counts: Partial<Record<string, number>>; note: string | null; now: Date },
): Promise<{ report: ReportRow; duplicate: boolean }> {
  return insertAppReport(tx, { teamId: p.teamId, memberId: p.memberId, clientKey: p.clientKey, reportDate: p.date, note: p.note, createdAt: p.now, items: itemsOf(p.counts) });
}

export type ChangeOutcome = { kind: 'changed'; report: ReportRow } | { kind: 'not-found' } | { kind: 'not-yours' } | { kind: 'too-old' } | { kind: 'withdrawn' };

/** Whether a member may still change this report of theirs (their own, counted, made within the window). */
export function changeability(report: ReportRow | null, memberId: number, now: Date): Exclude<ChangeOutcome, { kind: 'changed' }> | null {
  if (!report) return { kind: 'not-found' };
  if (report.memberId !== memberId) return { kind: 'not-yours' };
  if (report.undoneAt) return { kind: 'withdrawn' };
  if (now.getTime() - report.createdAt.getTime() > appEditWindowMs) return { kind: 'too-old' };
  return null;
}

/** Replaces the day, counts and note of one's own report, whichever way it was made. */
export async function editAppReport(tx: Tx, p: { reportId: number; memberId: number; date: string; counts: Partial<Record<string, number>>; note: string | null; now: Date }): Promise<ChangeOutcome> {
  const report = await lockReport(tx, p.reportId);
  const refused = changeability(report, p.memberId, p.now);
  if (refused || !report) return refused ?? { kind: 'not-found' };
  await replaceReport(tx, { id: report.id, reportDate: p.date, note: p.note, at: p.now, items: itemsOf(p.counts) });
  return { kind: 'changed', report: { ...report, reportDate: p.date, note: p.note, updatedAt: p.now } };
}

/** Withdraws one's own report: kept for the audit trail, no longer counted. */
export async function withdrawAppReport(tx: Tx, p: { reportId: number; memberId: number; now: Date }): Promise<ChangeOutcome> {
  const report = await lockReport(tx, p.reportId);
  const refused = changeability(report, p.memberId, p.now);
  if (refused || !report) return refused ?? { kind: 'not-found' };
  await markReportUndone(tx, { id: report.id, at: p.now });
  return { kind: 'changed', report: { ...report, undoneAt: p.now } };
}
