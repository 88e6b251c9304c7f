import { and, asc, eq, lte } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../client.ts';
import { followUps } from '../schema/index.ts';

export type FollowUpRow = typeof followUps.$inferSelect;

/** Schedules the run's follow-up, or moves a still-pending one to the new due time. */
export async function upsertPendingFollowUp(db: DbOrTx, params: { residentId: number; guideRunId: number; dueAt: Date; now: Date }): Promise<void> {
  await db
    .insert(followUps)
    .values({ residentId: params.residentId, guideRunId: params.guideRunId, dueAt: params.dueAt, createdAt: params.now })
    .onConflictDoUpdate({ target: followUps.guideRunId, set: { dueAt: params.dueAt }, setWhere: eq(followUps.status, 'pending') });
}

export async function cancelPendingFollowUps(db: DbOrTx, params: { residentId: number; reason: string; at: Date }): Promise<void> {
  await db
    .update(followUps)
    .set({ status: 'cancelled', reason: params.reason, processedAt: params.at })
    .where(and(eq(followUps.residentId, params.residentId), eq(followUps.status, 'pending')));
}

/**
 * Due follow-ups, locked for this transaction and skipped by any other sweeper running at the same
 * time (`SKIP LOCKED`), oldest first.
 */
export async function lockDueFollowUps(tx: Tx, params: { now: Date; limit: number }): Promise<FollowUpRow[]> {
  return tx
    .select()
    .from(followUps)
    .where(and(eq(followUps.status, 'pending'), lte(followUps.dueAt, params.now)))
    .orderBy(asc(followUps.dueAt))
    .limit(params.limit)
    .for('update', { skipLocked: true });
}

export async function markFollowUp(
  db: DbOrTx,
  params: { id: number; status: 'sent' | 'skipped' | 'cancelled'; reason: string | null; at: Date },
): Promise<void> {
  await db.update(followUps).set({ status: params.status, reason: params.reason, processedAt: params.at }).where(eq(followUps.id, params.id));
}

