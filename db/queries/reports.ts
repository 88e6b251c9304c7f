import { and, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { reportItems, reports } from '../schema/index.ts';

export type ReportRow = typeof reports.$inferSelect;

/** Stores a report unless this message was already counted; returns the new row or null. */
export async function insertReport(
  db: DbOrTx,
  params: { teamId: number; memberId: number; reportDate: string; inboundEventId: number; createdAt: Date; items: { metric: string; count: number }[] },
): Promise<ReportRow | null> {
  const [row] = await db
    .insert(reports)
    .values({ teamId: params.teamId, memberId: params.memberId, reportDate: params.reportDate, inboundEventId: params.inboundEventId, createdAt: params.createdAt })
    .onConflictDoNothing({ target: reports.inboundEventId })
    .returning();
  if (!row) return null;
  await db.insert(reportItems).values(params.items.map((i) => ({ reportId: row.id, ...i })));
  return row;
}

/** The member's most recent report made after `since` that is still counted. */
export async function findLastCountedReport(db: DbOrTx, params: { memberId: number; since: Date }): Promise<ReportRow | null> {
  const [row] = await db
    .select()
    .from(reports)
    .where(and(eq(reports.memberId, params.memberId), isNull(reports.undoneAt), gte(reports.createdAt, params.since)))
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(1);
  return row ?? null;
}

export async function markReportUndone(db: DbOrTx, params: { id: number; at: Date }): Promise<void> {
  await db.update(reports).set({ undoneAt: params.at }).where(eq(reports.id, params.id));
}

export async function listReportItems(db: DbOrTx, reportIds: number[]): Promise<{ reportId: number; metric: string; count: number }[]> {
  if (reportIds.length === 0) return [];
  return db.select().from(reportItems).where(inArray(reportItems.reportId, reportIds));
}

/** Totals per metric of a team's counted reports dated between `from` and `to` (inclusive). */
export async function sumTeamMetrics(db: DbOrTx, params: { teamId: number; from: string; to: string }): Promise<{ metric: string; total: number; reports: number }[]> {
  return db
    .select({ metric: reportItems.metric, total: sql<number>`sum(${reportItems.count})::int`, reports: sql<number>`count(distinct ${reports.id})::int` })
    .from(reportItems)
    .innerJoin(reports, eq(reports.id, reportItems.reportId))
    .where(and(eq(reports.teamId, params.teamId), isNull(reports.undoneAt), gte(reports.reportDate, params.from), lte(reports.reportDate, params.to)))
    .groupBy(reportItems.metric);
}
