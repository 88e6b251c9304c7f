import type { IncomingEvent } from '../chat/incoming-event.ts';
import type { ZaloWebhookEvent } from './webhook-event.ts';

/**
 * Turns a parsed OA webhook event into our IncomingEvent, or null when there is nothing to act on
 * (our own echoes: the message is already in our outbox). `oaId` is the OA the webhook found for
 * the event (by the key that signed it): a group event's recipient may be the group, not the OA.
 */
export function toIncomingEvent(parsed: ZaloWebhookEvent, inboundEventId: number, oaId: string | null = null): IncomingEvent | null {
  switch (parsed.type) {
    case 'user-message': {
      const e = parsed.event;
      return {
        kind: 'message',
        source: 'oa',
        inboundEventId,
        channelId: e.recipient.id,
        chat: { kind: 'direct', userId: e.sender.id },
        senderId: e.sender.id,
        senderName: null,
        messageId: e.message.msg_id,
        text: e.message.text?.trim() ? e.message.text : null,
        attachmentTypes: (e.message.attachments ?? []).map((a) => a.type),
        receivedAt: fromEpochMs(e.timestamp),
      };
    }
    case 'follow': {
      const e = parsed.event;
      return {
        kind: e.event_name,
        inboundEventId,
        channelId: e.oa_id,
        userId: e.follower.id,
        receivedAt: fromEpochMs(e.timestamp),
      };
    }
    case 'submit-info': {
      const e = parsed.event;
      return {
        kind: 'shared-info',
        inboundEventId,
        channelId: e.recipient.id,
        userId: e.sender.id,
        name: e.info.name?.trim() || null,
        phone: e.info.phone?.trim() || null,
        receivedAt: fromEpochMs(e.timestamp),
      };
    }
    case 'group-message': {
      const e = parsed.event;
      return {
        kind: 'message',
        source: 'oa',
        inboundEventId,
        channelId: oaId ?? e.recipient?.id ?? parsed.groupId,
        chat: { kind: 'group', groupId: parsed.groupId },
        senderId: e.sender.id,
        senderName: e.sender.display_name?.trim() || e.sender.name?.trim() || null,
        messageId: e.message.msg_id,
        text: e.message.text?.trim() ? e.message.text : null,
        attachmentTypes: (e.message.attachments ?? []).map((a) => a.type),
        receivedAt: fromEpochMs(e.timestamp),
      };
    }
    case 'oa-echo':
      return null;
  }
}

function fromEpochMs(ts: string): Date {
  return new Date(Number(ts));
}
