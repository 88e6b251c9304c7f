import { testZalo } from '../../scripts/local/local-zalo-credentials.ts';
import type { SentEvent } from './simulated-zalo.ts';
import { sleep } from './simulated-zalo.ts';
import type { SystemUnderTest } from './system-under-test.ts';

export type Tally = {
  sent: number;
  accepted: number;
  processed: number;
  /** Accepted but never processed, or processed without a reply that reached the resident. */
  lost: number;
  /** Messages the fake received more than once for one outbox row. */
  duplicates: number;
  /** Resent by the in-doubt policy (declared, counted apart from real duplicates). */
  possiblyDuplicate: number;
  outOfOrder: number;
  failedReplies: string[];
  /** When the last event was handled and the last reply settled (epoch ms). */
  settledAt: number;
};

const dedupeKey = (e: SentEvent) => `oa:${testZalo.oaId}:user_send_text:${e.msgId}`;

/**
 * Waits until every accepted event of this run is handled and every reply to its residents has
 * a final status, then counts what happened against what the residents sent.
 */
export async function settleAndCount(sut: SystemUnderTest, events: SentEvent[], timeoutMs = 180_000): Promise<Tally> {
  const started = Date.now();
  const accepted = events.filter((e) => e.accepted);
  const keys = accepted.map(dedupeKey);
  const users = [...new Set(events.map((e) => e.userId))];
  while (Date.now() - started < timeoutMs) {
    const open = await sut
      .query<{ n: number }>(
        `select (select count(*) from inbound_events where dedupe_key = any($1) and status = 'received')::int
              + (select count(*) from outbound_messages where recipient_id = any($2) and status in ('pending', 'sending') and not_before <= now())::int
              + ($3::int - (select count(*) from inbound_events where dedupe_key = any($1))::int) as n`,
        [keys, users, keys.length],
      )
      .catch(() => [{ n: -1 }]);
    if (open[0]?.n === 0) break;
    await sleep(500);
  }
  const settledAt = Date.now();

  const inbound = await sut.query<{ id: string; status: string }>('select id::text, status from inbound_events where dedupe_key = any($1)', [keys]);
  const processedIds = inbound.filter((r) => r.status === 'processed').map((r) => r.id);
  const replies = await sut.query<{ id: string; inbound_event_id: string | null; recipient_id: string; status: string; zalo_message_id: string | null; possibly_duplicate: boolean; last_error: string | null }>(
    'select id::text, inbound_event_id::text, recipient_id, status, zalo_message_id, possibly_duplicate, last_error from outbound_messages where recipient_id = any($1) order by id',
    [users],
  );
  const answered = new Set(replies.filter((r) => r.status === 'sent' && r.inbound_event_id).map((r) => r.inbound_event_id));
  const unanswered = processedIds.filter((id) => !answered.has(id)).length;

  const rowByMessageId = new Map(replies.filter((r) => r.zalo_message_id).map((r) => [r.zalo_message_id, r]));
  let duplicates = 0;
  let outOfOrder = 0;
  for (const user of users) {
    const deliveries = sut.fake.state.delivered.filter((d) => d.to === `user:${user}`);
    const rowIds = deliveries.map((d) => rowByMessageId.get(d.messageId)?.id);
    duplicates += rowIds.filter((id) => id === undefined).length;
    const known = rowIds.filter((id): id is string => id !== undefined).map(Number);
    outOfOrder += known.filter((id, i) => i > 0 && id < (known[i - 1] ?? 0)).length;
  }
  return {
    sent: events.length,
    accepted: accepted.length,
    processed: processedIds.length,
    lost: accepted.length - processedIds.length + unanswered,
    duplicates,
    possiblyDuplicate: replies.filter((r) => r.possibly_duplicate).length,
    outOfOrder,
    failedReplies: replies.filter((r) => r.status === 'failed').map((r) => r.last_error ?? 'unknown'),
    settledAt,
  };
}
