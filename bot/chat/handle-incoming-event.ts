import type { DbOrTx } from '../../db/client.ts';
import { upsertResidentInteraction } from '../../db/queries/residents.ts';
import { queueReplies } from '../domain/outbox/queue-replies.ts';
import type { IncomingEvent } from './incoming-event.ts';
import { texts } from './texts.vi.ts';

export type ChatDeps = { db: DbOrTx };

/**
 * Decides what to say to an incoming event and writes it to the outbox. Runs inside the
 * transaction that marks the event processed. Returns the new outbox row ids.
 */
export async function handleIncomingEvent(deps: ChatDeps, event: IncomingEvent): Promise<number[]> {
  switch (event.kind) {
    case 'message': {
      if (event.chat.kind !== 'direct') return [];
      const resident = await upsertResidentInteraction(deps.db, { oaId: event.channelId, zaloUserId: event.senderId, at: event.receivedAt });
      return queueReplies(deps.db, {
        cause: `reply-${event.inboundEventId}`,
        recipientUserId: event.senderId,
        residentId: resident.id,
        inboundEventId: event.inboundEventId,
        contents: [{ kind: 'text', text: texts.acknowledgement }],
      });
    }
    case 'follow':
    case 'shared-info':
      await upsertResidentInteraction(deps.db, { oaId: event.channelId, zaloUserId: event.userId, at: event.receivedAt });
      return [];
    case 'unfollow':
      return [];
  }
}
