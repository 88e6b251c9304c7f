import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Db, DbOrTx } from '../client.ts';
import { inboundEvents } from '../schema/index.ts';
import { prepared, preparedText } from '../prepared-statements.ts';

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

/** A delivery to store through the batch insert; it is handed to the queue later, by the relay. */
export type InboundToStore = Pick<NewInbound, 'oaId' | 'senderId' | 'lastError'> &
  Pick<InboundRow, 'source' | 'eventName' | 'dedupeKey' | 'payload' | 'status' | 'receivedAt'>;

/** Channel the insert trigger (migration 0008) notifies when events wait to be handed over. */
export const inboundWaitingChannel = 'inbound_events_waiting';

/**
 * Stores many deliveries in one statement: the rows go as one array per column, so the statement
 * text and its parameter count stay the same whatever the batch size. Rows whose dedupe key is
 * already stored are skipped; the answer lists the rows actually inserted. One statement, so a
 * failure stores none of them. Dedupe keys must be unique within `rows`.
 *
 * Sent to pg directly rather than built by drizzle: this runs for every webhook delivery, its text
 * never changes, and building it through drizzle's SQL template was a tenth of the webhook's CPU
 * at 3,000 deliveries a second (the webhook bench). It is still prepared once per connection.
 */
export async function insertInboundEvents(pool: Pick<pg.Pool, 'query'>, rows: InboundToStore[]): Promise<{ id: number; dedupeKey: string }[]> {
  if (rows.length === 0) return [];
  const column = <T>(pick: (r: InboundToStore) => T) => rows.map(pick);
  const result = await pool.query<{ id: string; dedupe_key: string }>({
    text: insertInboundEventsText,
    values: [
      column((r) => r.source),
      column((r) => r.oaId ?? null),
      column((r) => r.eventName),
      column((r) => r.senderId ?? null),
      column((r) => r.dedupeKey),
      column((r) => r.payload),
      column((r) => r.status),
      column((r) => r.lastError ?? null),
      column((r) => r.receivedAt.toISOString()),
    ],
  });
  return result.rows.map((r) => ({ id: Number(r.id), dedupeKey: r.dedupe_key }));
}

const insertInboundEventsText = preparedText(`
    insert into inbound_events (source, oa_id, event_name, sender_id, dedupe_key, payload, status, last_error, received_at)
    select * from unnest(
      $1::inbound_source[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::inbound_status[], $8::text[], $9::timestamptz[]
    )
    on conflict (dedupe_key) do nothing
    returning id, dedupe_key`);

/**
 * Claims up to `limit` stored events not handed to the queue yet, oldest first, and passes their
 * ids to `handOver` inside the claiming transaction. Rows another relay holds are skipped, so
 * relays running at once never claim the same event. When `handOver` throws, or the process dies
 * before the commit, the claim is rolled back and the events stay waiting for the next pass.
 * Returns how many were handed over.
 */
export async function handOverWaitingInboundEvents(db: Db, params: { limit: number; now: Date }, handOver: (ids: number[]) => Promise<void>): Promise<number> {
  return db.transaction(async (tx) => {
    const claimed = await tx.execute<{ id: string }>(prepared(sql`
      update inbound_events set enqueued_at = ${params.now.toISOString()}::timestamptz
      where id in (
        select id from inbound_events where status = 'received' and enqueued_at is null
        order by id limit ${params.limit} for update skip locked)
      returning id`));
    const ids = claimed.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    if (ids.length > 0) await handOver(ids);
    return ids.length;
  });
}

export async function markInboundEnqueued(db: DbOrTx, ids: number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.update(inboundEvents).set({ enqueuedAt: now }).where(inArray(inboundEvents.id, ids));
}

/** The hand-over to the queue failed after all: let the sweeper pick the event up promptly. */
export async function markInboundNotEnqueued(db: DbOrTx, id: number): Promise<void> {
  await db.update(inboundEvents).set({ enqueuedAt: null }).where(eq(inboundEvents.id, id));
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
 * Stored events still waiting to be handled whose job never reached Redis (unless
 * `includeUnqueued` is false: the relay holds them back while the queue is full), or was handed
 * over so long ago that it may have been lost with Redis's memory. Oldest first.
 */
export async function listInboundEventsToEnqueue(
  db: DbOrTx,
  params: { receivedBefore: Date; staleBefore: Date; limit: number; includeUnqueued: boolean },
): Promise<number[]> {
  const stale = lt(inboundEvents.enqueuedAt, params.staleBefore);
  const rows = await db
    .select({ id: inboundEvents.id })
    .from(inboundEvents)
    .where(
      and(
        eq(inboundEvents.status, 'received'),
        lt(inboundEvents.receivedAt, params.receivedBefore),
        params.includeUnqueued ? or(isNull(inboundEvents.enqueuedAt), stale) : stale,
      ),
    )
    .orderBy(asc(inboundEvents.receivedAt))
    .limit(params.limit);
  return rows.map((r) => r.id);
}

/**
 * Removes what a sender wrote: payloads are replaced, the sender link and any kept error cleared
 * (data deletion; an error stored before describeError could quote the message being written).
 */
export async function scrubInboundEventsOfSender(db: DbOrTx, sender: { oaId: string; senderId: string }): Promise<number> {
  const rows = await db
    .update(inboundEvents)
    .set({ payload: '{"deleted":true}', senderId: null, lastError: null })
    .where(and(eq(inboundEvents.senderId, sender.senderId), eq(inboundEvents.oaId, sender.oaId)))
    .returning({ id: inboundEvents.id });
  return rows.length;
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

/** Stored events waiting to be handled whose job has not been handed to the queue yet. */
export async function countInboundAwaitingHandOver(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inboundEvents)
    .where(and(eq(inboundEvents.status, 'received'), isNull(inboundEvents.enqueuedAt)));
  return row?.n ?? 0;
}

/** Every stored event's id, dedupe key and status, for checks that nothing was lost or stored twice. */
export async function listInboundKeys(db: DbOrTx): Promise<{ id: number; dedupeKey: string; status: InboundRow['status'] }[]> {
  return db.select({ id: inboundEvents.id, dedupeKey: inboundEvents.dedupeKey, status: inboundEvents.status }).from(inboundEvents);
}
