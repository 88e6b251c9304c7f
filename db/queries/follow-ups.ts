import { and, asc, eq, lte } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../client.ts';
import { followUps } from '../schema/index.ts';

export type FollowUpRow = typeof followUps.$inferSelect;

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

