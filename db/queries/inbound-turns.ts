import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { outboundMessages } from '../schema/index.ts';
import { inboundClaimRow, isJsonRow } from './decode-rows.ts';
import type { InboundClaimRow, JsonRow } from './decode-rows.ts';
import type { NewOutbound } from './outbound-messages.ts';
import { committing } from '../pipelined-transactions.ts';
import { prepared } from '../prepared-statements.ts';

/*
 * The worker's side of an inbound event, one statement at each end of its transaction: the event
 * with what decides whether it may be handled now, and the turn's replies with its completion.
 * Written by hand: they run for every message, and drizzle's builder cost more CPU than the rest.
 */

export type ClaimedInboundEvent = { event: InboundClaimRow; earlierWaiting: boolean };

/**
 * Locks the event's row, says whether an older event from the same sender is still waiting, and
 * when none is, takes the sender's advisory lock (held until commit): one person's events are
 * handled one at a time, in order, even when an older one became visible late.
 */
export async function claimInboundEvent(tx: Tx, id: number): Promise<ClaimedInboundEvent | null> {
  // A CTE with FOR UPDATE is not inlined: the row is locked before the rest is evaluated.
  const result = await tx.execute<JsonRow>(prepared(sql`
    with event as (select id, source, oa_id, sender_id, payload, status from inbound_events where id = ${id} for update)
    select row_to_json(e) as event, w.earlier_waiting,
      case when e.sender_id is not null and e.status = 'received' and not w.earlier_waiting
        then (select 1 from pg_advisory_xact_lock(hashtext('sender:' || e.sender_id))) end as locked
    from event e
    cross join lateral (
      select exists (select 1 from inbound_events x where x.sender_id = e.sender_id and x.status = 'received' and x.id < e.id) as earlier_waiting
    ) w`));
  const row = result.rows[0];
  if (!row || !isJsonRow(row.event)) return null;
  return { event: inboundClaimRow(row.event), earlierWaiting: row.earlier_waiting === true };
}

/** An outbox row of a turn's reply (see replyRows). */
export type TurnReplyRow = Pick<NewOutbound, 'idempotencyKey' | 'channel' | 'recipientId' | 'oaId' | 'residentId' | 'inboundEventId' | 'payload' | 'notBefore'>;

export type FinishInboundTurn = {
  inboundEventId: number;
  now: Date;
  /** Written already marked as handed to the queue (see the worker's hand-over). */
  replies: TurnReplyRow[];
  noticeShown: { residentId: number; version: string; at: Date } | null;
};

/**
 * Ends a turn in one statement: writes its replies (a key that exists already is skipped), marks
 * the event processed and records the privacy notice shown. Returns the ids of the new replies.
 * It is sent with the transaction's COMMIT (see committing()): nothing may follow it in the
 * transaction.
 */
export async function finishInboundTurn(tx: Tx, p: FinishInboundTurn): Promise<number[]> {
  const notice = p.noticeShown
    ? sql`, notice as (update residents set privacy_notice_version = ${p.noticeShown.version}, privacy_notice_at = ${p.noticeShown.at} where id = ${p.noticeShown.residentId})`
    : sql``;
  const processed = sql`with processed as (
      update inbound_events set status = 'processed', processed_at = ${p.now}, attempts = attempts + 1, last_error = null where id = ${p.inboundEventId}
    )${notice}`;
  if (p.replies.length === 0) {
    await tx.execute(prepared(committing(sql`${processed} select 1`)));
    return [];
  }
  const values = sql.join(
    p.replies.map(
      (r) =>
        sql`(${r.idempotencyKey}, ${r.channel}, ${r.recipientId}, ${r.oaId ?? null}, ${r.residentId ?? null}, ${r.inboundEventId ?? null}, ${JSON.stringify(r.payload)}, coalesce(${r.notBefore ?? null}::timestamptz, now()), ${p.now})`,
    ),
    sql`, `,
  );
  const result = await tx.execute<{ id: number | string }>(prepared(committing(sql`${processed}
    insert into outbound_messages (idempotency_key, channel, recipient_id, oa_id, resident_id, inbound_event_id, payload, not_before, enqueued_at)
    values ${values}
    on conflict (idempotency_key) do nothing
    returning id`)));
  return result.rows.map((r) => Number(r.id));
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
