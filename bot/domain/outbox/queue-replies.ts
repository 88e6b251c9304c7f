import type { DbOrTx } from '../../../db/client.ts';
import { insertOutboundMessages } from '../../../db/queries/outbound-messages.ts';
import type { OutboundContent } from './outbound-content.ts';

/**
 * Writes the messages of one reply to the outbox, in order. Keys derive from the cause, so running
 * the same cause twice (a retried job) writes nothing new. Returns the ids of new rows.
 */
export async function queueReplies(
  db: DbOrTx,
  params: { cause: string; recipientUserId: string; residentId: number | null; inboundEventId: number | null; contents: OutboundContent[]; notBefore?: Date },
): Promise<number[]> {
  return insertOutboundMessages(
    db,
    params.contents.map((content, index) => ({
      idempotencyKey: `${params.cause}-${index}`,
      channel: 'oa_user' as const,
      recipientId: params.recipientUserId,
      residentId: params.residentId,
      inboundEventId: params.inboundEventId,
      payload: content,
      ...(params.notBefore ? { notBefore: params.notBefore } : {}),
    })),
  );
}
