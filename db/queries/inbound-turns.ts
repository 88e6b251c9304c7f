import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { inboundEvents, outboundMessages, residents } from '../schema/index.ts';
import type { InboundRow } from './inbound-events.ts';
import type { NewOutbound } from './outbound-messages.ts';

/*
 * The worker's side of an inbound event, one statement at each end of its transaction: the event
 * with what decides whether it may be handled now, and the turn's replies with its completion.
 */

export type ClaimedInboundEvent = { event: InboundRow; earlierWaiting: boolean };

/**
 * Locks the event's row, says whether an older event from the same sender is still waiting, and
 * when none is, takes the sender's advisory lock (held until commit): one person's events are
 * handled one at a time, in order, even when an older one became visible late.
 */
export async function claimInboundEvent(tx: Tx, id: number): Promise<ClaimedInboundEvent | null> {
  // A CTE with FOR UPDATE is not inlined: the row is locked before the rest is evaluated.
  const event = tx.$with('event').as(tx.select().from(inboundEvents).where(eq(inboundEvents.id, id)).for('update'));
  const earlier = sql`exists (select 1 from inbound_events e where e.sender_id = ${event.senderId} and e.status = 'received' and e.id < ${event.id})`;
  const [row] = await tx
    .with(event)
    .select({
      event: event._.selectedFields,
      earlierWaiting: sql<boolean>`${earlier}`.mapWith(Boolean),
      locked: sql`case when ${event.senderId} is not null and ${event.status} = 'received' and not ${earlier}
        then (select 1 from pg_advisory_xact_lock(hashtext('sender:' || ${event.senderId}))) end`,
    })
    .from(event);
  return row ? { event: row.event, earlierWaiting: row.earlierWaiting } : null;
}

export type FinishInboundTurn = {
  inboundEventId: number;
  now: Date;
  /** Outbox rows of the replies, written already marked as handed to the queue (see the worker). */
  replies: NewOutbound[];
  noticeShown: { residentId: number; version: string; at: Date } | null;
};

/**
 * Ends a turn in one statement: writes its replies (a key that exists already is skipped), marks
 * the event processed and records the privacy notice shown. Returns the ids of the new replies.
 */
export async function finishInboundTurn(tx: Tx, p: FinishInboundTurn): Promise<number[]> {
  const processed = tx
    .$with('processed')
    .as(
      tx
        .update(inboundEvents)
        .set({ status: 'processed', processedAt: p.now, attempts: sql`${inboundEvents.attempts} + 1`, lastError: null })
        .where(eq(inboundEvents.id, p.inboundEventId))
        .returning({ id: inboundEvents.id }),
    );
  const notice = tx
    .$with('notice')
    .as(
      tx
        .update(residents)
        .set({ privacyNoticeVersion: p.noticeShown?.version ?? null, privacyNoticeAt: p.noticeShown?.at ?? null })
        .where(eq(residents.id, p.noticeShown?.residentId ?? 0))
        .returning({ id: residents.id }),
    );
  const ctes = p.noticeShown ? [processed, notice] : [processed];
  if (p.replies.length === 0) {
    await tx.with(...ctes).select({ id: processed.id }).from(processed);
    return [];
  }
  const rows = p.replies.map((r) => ({ ...r, enqueuedAt: p.now }));
  const inserted = await tx
    .with(...ctes)
    .insert(outboundMessages)
    .values(rows)
    .onConflictDoNothing({ target: outboundMessages.idempotencyKey })
    .returning({ id: outboundMessages.id });
  return inserted.map((r) => r.id);
}

/** An event's replies not sent yet: a retry after the turn committed hands them to the queue again. */
export async function listOpenRepliesOfEvent(tx: Tx, inboundEventId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: outboundMessages.id })
    .from(outboundMessages)
    .where(and(eq(outboundMessages.inboundEventId, inboundEventId), inArray(outboundMessages.status, ['pending', 'sending'])))
    .orderBy(outboundMessages.id);
  return rows.map((r) => r.id);
}
