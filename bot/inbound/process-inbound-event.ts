import type { Db } from '../../db/client.ts';
import { lockInboundEvent, markInboundProcessed } from '../../db/queries/inbound-events.ts';
import type { InboundRow } from '../../db/queries/inbound-events.ts';
import { handleIncomingEvent } from '../chat/handle-incoming-event.ts';
import type { IncomingEvent } from '../chat/incoming-event.ts';
import type { Clock } from '../clock.ts';
import { toIncomingEvent } from '../zalo/to-incoming-event.ts';
import { envelopeSchema, parseWebhookEvent } from '../zalo/webhook-event.ts';

export type ProcessInboundDeps = { db: Db; clock: Clock };

export type ProcessInboundResult = { outcome: 'processed' | 'already-done'; outboxIds: number[] };

/**
 * Handles one stored event: parse it, turn it into our IncomingEvent, let the conversation decide
 * the replies, and mark it processed — all in one transaction, so a crash leaves it to be retried
 * whole and a retry after success does nothing.
 */
export async function processInboundEvent(deps: ProcessInboundDeps, inboundEventId: number): Promise<ProcessInboundResult> {
  return deps.db.transaction(async (tx) => {
    const row = await lockInboundEvent(tx, inboundEventId);
    if (!row) throw new Error(`inbound event ${inboundEventId} does not exist`);
    if (row.status !== 'received') return { outcome: 'already-done', outboxIds: [] };
    const incoming = toIncoming(row);
    const outboxIds = incoming ? await handleIncomingEvent({ db: tx }, incoming) : [];
    await markInboundProcessed(tx, inboundEventId, deps.clock.now());
    return { outcome: 'processed', outboxIds };
  });
}

function toIncoming(row: InboundRow): IncomingEvent | null {
  const json: unknown = JSON.parse(row.payload);
  const envelope = envelopeSchema.parse(json);
  const parsed = parseWebhookEvent(envelope, json);
  if (parsed.status !== 'handled') return null;
  return toIncomingEvent(parsed.event, row.id);
}
