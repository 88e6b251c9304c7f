import { and, desc, eq, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { members, reportItems, reports } from '../schema/index.ts';
import type { ReportRow } from './reports.ts';

export type ReportWithItems = ReportRow & { memberName: string; counts: Record<string, number> };

/**
 * Stores a Mini App report unless this member already sent one under this device key; either way
 * returns the stored report and whether it was already there.
 */
export async function insertAppReport(
  db: DbOrTx,
  p: { teamId: number; memberId: number; clientKey: string; reportDate: string; note: string | null; createdAt: Date; items: { metric: string; count: number }[] },
): Promise<{ report: ReportRow; duplicate: boolean }> {
  const [row] = await db
    .insert(reports)
    .values({ teamId: p.teamId, memberId: p.memberId, reportDate: p.reportDate, clientKey: p.clientKey, source: 'miniapp', note: p.note, createdAt: p.createdAt })
    .onConflictDoNothing()
    .returning();
  if (row) {
    await db.insert(reportItems).values(p.items.map((i) => ({ reportId: row.id, ...i })));
    return { report: row, duplicate: false };
  }
  const [existing] = await db.select().from(reports).where(and(eq(reports.memberId, p.memberId), eq(reports.clientKey, p.clientKey)));
  if (!existing) throw new Error('a report conflicted on its client key but cannot be found');
  return { report: existing, duplicate: true };
}

export async function lockReport(db: DbOrTx, id: number): Promise<ReportRow | null> {
  const [row] = await db.select().from(reports).where(eq(reports.id, id)).for('update');
  return row ?? null;
}

/** Replaces a report's day, counts and note (an edit keeps the report's id and who made it). */
export async function replaceReport(db: DbOrTx, p: { id: number; reportDate: string; note: string | null; at: Date; items: { metric: string; count: number }[] }): Promise<void> {
  await db.update(reports).set({ reportDate: p.reportDate, note: p.note, updatedAt: p.at }).where(eq(reports.id, p.id));
  await db.delete(reportItems).where(eq(reportItems.reportId, p.id));
  await db.insert(reportItems).values(p.items.map((i) => ({ reportId: p.id, ...i })));
}

/** A team's reports, newest first, `limit` at a time below the id `before`. */
export async function listTeamReports(db: DbOrTx, p: { teamId: number; before: number | null; limit: number }): Promise<ReportWithItems[]> {
  const rows = await db
    .select({ report: reports, memberName: members.displayName })
    .from(reports)
    .innerJoin(members, eq(members.id, reports.memberId))
    .where(and(eq(reports.teamId, p.teamId), p.before === null ? undefined : lt(reports.id, p.before)))
    .orderBy(desc(reports.id))
    .limit(p.limit);
  return withItems(db, rows);
}

export async function getReportWithItems(db: DbOrTx, id: number): Promise<ReportWithItems | null> {
  const rows = await db.select({ report: reports, memberName: members.displayName }).from(reports).innerJoin(members, eq(members.id, reports.memberId)).where(eq(reports.id, id));
  const [row] = await withItems(db, rows);
  return row ?? null;
}

async function withItems(db: DbOrTx, rows: { report: ReportRow; memberName: string }[]): Promise<ReportWithItems[]> {
  const ids = rows.map((r) => r.report.id);
  const items = ids.length === 0 ? [] : await db.select().from(reportItems).where(inArray(reportItems.reportId, ids));
  return rows.map((r) => ({
    ...r.report,
    memberName: r.memberName,
    counts: Object.fromEntries(items.filter((i) => i.reportId === r.report.id).map((i) => [i.metric, i.count])),
  }));
}

/** How many counted reports a team made for days from `from` to `to`. */
export async function countTeamReports(db: DbOrTx, p: { teamId: number; from: string; to: string }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reports)
    .where(and(eq(reports.teamId, p.teamId), isNull(reports.undoneAt), gte(reports.reportDate, p.from), lte(reports.reportDate, p.to)));
  return Number(row?.n ?? 0);
}
