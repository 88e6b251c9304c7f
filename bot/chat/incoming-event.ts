/**
 * Our own, channel-neutral view of what arrived. Everything past bot/zalo works with these types
 * and never with Zalo field names.
 */
export type ChatRef = { kind: 'direct'; userId: string } | { kind: 'group'; groupId: string };

/** Where a message came in: the OA (1:1 chats and OA-owned GMF groups) or the personal group account. */
export type MessageSource = 'oa' | 'zca';

export type IncomingMessage = {
  kind: 'message';
  source: MessageSource;
  inboundEventId: number;
  /** The OA (or group account) the message reached. */
  channelId: string;
  chat: ChatRef;
  senderId: string;
  senderName: string | null;
  /** The platform's message id, unique per channel. */
  messageId: string;
  /** Null for a picture or sticker without a caption. */
  text: string | null;
  attachmentTypes: string[];
  receivedAt: Date;
};

export type IncomingFollow = {
  kind: 'follow' | 'unfollow';
  inboundEventId: number;
  channelId: string;
  userId: string;
  receivedAt: Date;
};

/** A resident's answer to the "share your details" card: only what they chose to share. */
export type IncomingSharedInfo = {
  kind: 'shared-info';
  inboundEventId: number;
  channelId: string;
  userId: string;
  name: string | null;
  phone: string | null;
  receivedAt: Date;
};

export type IncomingEvent = IncomingMessage | IncomingFollow | IncomingSharedInfo;

export type IncomingGroupMessage = IncomingMessage & { chat: { kind: 'group'; groupId: string } };

export function isGroupMessage(event: IncomingEvent): event is IncomingGroupMessage {
  return event.kind === 'message' && event.chat.kind === 'group';
}
