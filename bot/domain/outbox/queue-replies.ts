import type { DbOrTx } from '../../../db/client.ts';
import { insertOutboundMessages } from '../../../db/queries/outbound-messages.ts';
import type { TurnReplyRow } from '../../../db/queries/inbound-turns.ts';
import type { OutboundContent } from './outbound-content.ts';

/** `oaId` is the OA the resident talks to: the reply goes out through it and no other. */
type ReplyParams = { cause: string; oaId: string; recipientUserId: string; residentId: number | null; inboundEventId: number | null; contents: OutboundContent[]; notBefore?: Date };

/**
 * Writes the messages of one reply to the outbox, in order. Keys derive from the cause, so running
 * the same cause twice (a retried job) writes nothing new. Returns the ids of new rows.
 */
export async function queueReplies(db: DbOrTx, params: ReplyParams): Promise<number[]> {
  return insertOutboundMessages(db, replyRows(params));
}

/** The outbox rows of one reply, for a caller that writes them together with other effects. */
export function replyRows(params: ReplyParams): TurnReplyRow[] {
  return params.contents.map((content, index) => ({
    idempotencyKey: `${params.cause}-${index}`,
    channel: 'oa_user' as const,
    recipientId: params.recipientUserId,
    oaId: params.oaId,
    residentId: params.residentId,
    inboundEventId: params.inboundEventId,
    payload: content,
    ...(params.notBefore ? { notBefore: params.notBefore } : {}),
  }));
}
