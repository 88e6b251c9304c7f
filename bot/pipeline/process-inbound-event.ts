import type { Db } from '../../db/client.ts';
import { claimInboundEvent, finishInboundTurn, listOpenRepliesOfEvent } from '../../db/queries/inbound-turns.ts';
import type { InboundClaimRow } from '../../db/queries/decode-rows.ts';
import { handleIncomingEvent } from '../chat/handle-incoming-event.ts';
import type { IncomingEvent } from '../chat/incoming-event.ts';
import type { ReportLinks } from '../chat/digest/report-links.ts';
import type { Clock } from '../clock.ts';
import { toIncomingEvent } from '../zalo/to-incoming-event.ts';
import { zcaStoredToIncoming } from '../zalo/zca/zca-stored-message.ts';
import { envelopeSchema, parseWebhookEvent } from '../zalo/webhook-event.ts';

export type ProcessInboundDeps = { db: Db; clock: Clock; communeCode: string; publicBaseUrl: string | null; reportLinks: ReportLinks | null; digestGraceDays: number };

export type ProcessInboundResult =
  /**
   * `replyIds` were written already marked as handed to the queue (one round trip less): the
   * caller must queue them, or clear the mark if it cannot. `otherIds` were written unmarked.
   */
  | {
      outcome: 'processed';
      replyIds: number[];
      otherIds: number[];
      /** The OA every reply goes out through, when they all name the same one (the send job need not look it up). */
      repliesOaId: string | null;
    }
  /** Handled before (a retried job): its replies still open, in case the hand-over was lost. */
  | { outcome: 'already-done'; replyIds: []; otherIds: number[] }
  /** An earlier message from the same person is not handled yet: try again shortly. */
  | { outcome: 'wait-turn'; replyIds: []; otherIds: [] };

/**
 * Handles one stored event: parse it, turn it into our IncomingEvent, let the conversation decide
 * the replies, and write them with the event's completion — all in one transaction, so a crash
 * leaves it to be retried whole and a retry after success does nothing. One person's messages are
 * handled one at a time, in the order they arrived. The transaction opens with one statement (the
 * event and its turn's claim) and ends with one (the replies and the event's status).
 */
export async function processInboundEvent(deps: ProcessInboundDeps, inboundEventId: number): Promise<ProcessInboundResult> {
  return deps.db.transaction(async (tx): Promise<ProcessInboundResult> => {
    const claimed = await claimInboundEvent(tx, inboundEventId);
    if (!claimed) throw new Error(`inbound event ${inboundEventId} does not exist`);
    const { event, earlierWaiting } = claimed;
    if (event.status !== 'received') return { outcome: 'already-done', replyIds: [], otherIds: event.status === 'processed' ? await listOpenRepliesOfEvent(tx, event.id) : [] };
    if (event.senderId && earlierWaiting) return { outcome: 'wait-turn', replyIds: [], otherIds: [] };
    const incoming = toIncoming(event);
    const now = deps.clock.now();
    const chat = incoming
      ? await handleIncomingEvent({ db: tx, now, communeCode: deps.communeCode, publicBaseUrl: deps.publicBaseUrl, reportLinks: deps.reportLinks, digestGraceDays: deps.digestGraceDays }, incoming)
      : { replies: [], writtenIds: [], noticeShown: null };
    const replyIds = await finishInboundTurn(tx, { inboundEventId, now, replies: chat.replies, noticeShown: chat.noticeShown });
    const oas = new Set(chat.replies.map((r) => r.oaId ?? null));
    const repliesOaId = oas.size === 1 ? ([...oas][0] ?? null) : null;
    return { outcome: 'processed', replyIds, otherIds: chat.writtenIds, repliesOaId };
  });
}

function toIncoming(row: InboundClaimRow): IncomingEvent | null {
  if (row.source === 'zca') return zcaStoredToIncoming(row.payload, row.id);
  const json: unknown = JSON.parse(row.payload);
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return null;
  const parsed = parseWebhookEvent(envelope.data, json, row.oaId);
  if (parsed.status !== 'handled') return null;
  return toIncomingEvent(parsed.event, row.id, row.oaId);
}
