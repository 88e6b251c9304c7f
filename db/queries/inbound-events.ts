import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../client.ts';
import { inboundEvents } from '../schema/index.ts';

export type InboundRow = typeof inboundEvents.$inferSelect;
export type NewInbound = typeof inboundEvents.$inferInsert;

/**
 * Stores a delivery unless its dedupe key is known. Returns the new row's id, or null for a
 * redelivery — which must be acknowledged without a second job.
 */
export async function insertInboundEvent(db: DbOrTx, row: NewInbound): Promise<number | null> {
  const [inserted] = await db
    .insert(inboundEvents)
    .values(row)
    .onConflictDoNothing({ target: inboundEvents.dedupeKey })
    .returning({ id: inboundEvents.id });
  return inserted?.id ?? null;
}

/** Reads and locks the row: two jobs for the same event cannot process it side by side. */
export async function lockInboundEvent(tx: Tx, id: number): Promise<InboundRow | null> {
  const [row] = await tx.select().from(inboundEvents).where(eq(inboundEvents.id, id)).for('update');
  return row ?? null;
}

export async function markInboundEnqueued(db: DbOrTx, ids: number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.update(inboundEvents).set({ enqueuedAt: now }).where(inArray(inboundEvents.id, ids));
}

/** The hand-over to the queue failed after all: let the sweeper pick the event up promptly. */
export async function markInboundNotEnqueued(db: DbOrTx, id: number): Promise<void> {
  await db.update(inboundEvents).set({ enqueuedAt: null }).where(eq(inboundEvents.id, id));
}

export async function markInboundProcessed(db: DbOrTx, id: number, now: Date): Promise<void> {
  await db
    .update(inboundEvents)
    .set({ status: 'processed', processedAt: now, attempts: sql`${inboundEvents.attempts} + 1`, lastError: null })
    .where(eq(inboundEvents.id, id));
}

/** Records a failed attempt; `final` marks the event failed so it stops being retried. */
export async function markInboundAttemptFailed(db: DbOrTx, params: { id: number; error: string; final: boolean }): Promise<void> {
  await db
    .update(inboundEvents)
    .set({
      attempts: sql`${inboundEvents.attempts} + 1`,
      lastError: params.error.slice(0, 2000),
      ...(params.final ? { status: 'failed' as const } : {}),
    })
    .where(and(eq(inboundEvents.id, params.id), eq(inboundEvents.status, 'received')));
}

/**
 * Stored events still waiting to be handled whose job never reached Redis, or was handed over so
 * long ago that it may have been lost with Redis's memory. Oldest first.
 */
export async function listInboundEventsToEnqueue(
  db: DbOrTx,
  params: { receivedBefore: Date; staleBefore: Date; limit: number },
): Promise<number[]> {
  const rows = await db
    .select({ id: inboundEvents.id })
    .from(inboundEvents)
    .where(
      and(
        eq(inboundEvents.status, 'received'),
        lt(inboundEvents.receivedAt, params.receivedBefore),
        or(isNull(inboundEvents.enqueuedAt), lt(inboundEvents.enqueuedAt, params.staleBefore)),
      ),
    )
    .orderBy(asc(inboundEvents.receivedAt))
    .limit(params.limit);
  return rows.map((r) => r.id);
}

/** Removes what a sender wrote: payloads are replaced and the sender link cleared (data deletion). */
export async function scrubInboundEventsOfSender(db: DbOrTx, senderId: string): Promise<number> {
  const rows = await db
    .update(inboundEvents)
    .set({ payload: '{"deleted":true}', senderId: null })
    .where(eq(inboundEvents.senderId, senderId))
    .returning({ id: inboundEvents.id });
  return rows.length;
}

/** True when an older event from the same sender is still waiting: events are handled in order. */
export async function hasEarlierWaitingEvent(tx: Tx, params: { senderId: string; id: number }): Promise<boolean> {
  const [row] = await tx
    .select({ id: inboundEvents.id })
    .from(inboundEvents)
    .where(and(eq(inboundEvents.senderId, params.senderId), eq(inboundEvents.status, 'received'), lt(inboundEvents.id, params.id)))
    .limit(1);
  return row !== undefined;
}

/** Counts for /metrics: events by status, and ignored events by reason (`error` holds the reason). */
export async function countInboundHealth(db: DbOrTx): Promise<{ status: Record<string, number>; ignoredByReason: Record<string, number> }> {
  const byStatus = await db.select({ status: inboundEvents.status, n: sql<number>`count(*)::int` }).from(inboundEvents).groupBy(inboundEvents.status);
  const reasons = await db
    .select({ reason: sql<string>`coalesce(${inboundEvents.lastError}, 'unspecified')`, n: sql<number>`count(*)::int` })
    .from(inboundEvents)
    .where(eq(inboundEvents.status, 'ignored'))
    .groupBy(sql`1`);
  return { status: Object.fromEntries(byStatus.map((r) => [r.status, r.n])), ignoredByReason: Object.fromEntries(reasons.map((r) => [r.reason, r.n])) };
}
