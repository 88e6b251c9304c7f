import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { hasEarlierWaitingEvent, lockInboundEvent, markInboundProcessed } from '../../db/queries/inbound-events.ts';
import type { InboundRow } from '../../db/queries/inbound-events.ts';
import { handleIncomingEvent } from '../chat/handle-incoming-event.ts';
import type { IncomingEvent } from '../chat/incoming-event.ts';
import type { ReportLinks } from '../chat/digest/report-links.ts';
import type { Clock } from '../clock.ts';
import { toIncomingEvent } from '../zalo/to-incoming-event.ts';
import { zcaStoredToIncoming } from '../zalo/zca/zca-stored-message.ts';
import { envelopeSchema, parseWebhookEvent } from '../zalo/webhook-event.ts';

export type ProcessInboundDeps = { db: Db; clock: Clock; communeCode: string; publicBaseUrl: string | null; reportLinks: ReportLinks | null };

export type ProcessInboundResult =
  | { outcome: 'processed' | 'already-done'; outboxIds: number[] }
  /** An earlier message from the same person is not handled yet: try again shortly. */
  | { outcome: 'wait-turn'; outboxIds: [] };

/**
 * Handles one stored event: parse it, turn it into our IncomingEvent, let the conversation decide
 * the replies, and mark it processed — all in one transaction, so a crash leaves it to be retried
 * whole and a retry after success does nothing. One person's messages are handled one at a time,
 * in the order they arrived.
 */
export async function processInboundEvent(deps: ProcessInboundDeps, inboundEventId: number): Promise<ProcessInboundResult> {
  return deps.db.transaction(async (tx): Promise<ProcessInboundResult> => {
    const row = await lockInboundEvent(tx, inboundEventId);
    if (!row) throw new Error(`inbound event ${inboundEventId} does not exist`);
    if (row.status !== 'received') return { outcome: 'already-done', outboxIds: [] };
    if (row.senderId) {
      if (await hasEarlierWaitingEvent(tx, { senderId: row.senderId, id: row.id })) return { outcome: 'wait-turn', outboxIds: [] };
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sender:${row.senderId}`}))`);
    }
    const incoming = toIncoming(row);
    const now = deps.clock.now();
    const outboxIds = incoming
      ? await handleIncomingEvent({ db: tx, now, communeCode: deps.communeCode, publicBaseUrl: deps.publicBaseUrl, reportLinks: deps.reportLinks }, incoming)
      : [];
    await markInboundProcessed(tx, inboundEventId, now);
    return { outcome: 'processed', outboxIds };
  });
}

function toIncoming(row: InboundRow): IncomingEvent | null {
  if (row.source === 'zca') return zcaStoredToIncoming(row.payload, row.id);
  const json: unknown = JSON.parse(row.payload);
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return null;
  const parsed = parseWebhookEvent(envelope.data, json, row.oaId);
  if (parsed.status !== 'handled') return null;
  return toIncomingEvent(parsed.event, row.id);
}
