import { z } from 'zod';
import { redactSensitiveText } from '../../chat/redact-sensitive-text.ts';
import type { IncomingMessage } from '../../chat/incoming-event.ts';

/**
 * A group message received by the personal account through zca-js, reduced to the fields we use
 * (shapes from zca-js 2.2.0 `models/Message.d.ts`: GroupMessage { type: 1, threadId, isSelf,
 * data: TGroupMessage }). Ids stay strings.
 */
export const zcaGroupMessageSchema = z.object({
  type: z.literal(1),
  threadId: z.string().min(1),
  isSelf: z.boolean(),
  data: z.looseObject({
    msgId: z.string().min(1),
    cliMsgId: z.string().optional(),
    msgType: z.string().optional(),
    uidFrom: z.string().min(1),
    idTo: z.string().min(1),
    dName: z.string().optional(),
    ts: z.string(),
    content: z.union([z.string(), z.looseObject({})]),
    mentions: z.array(z.looseObject({ uid: z.string(), pos: z.number(), len: z.number() })).nullish(),
  }),
});

export type ZcaGroupMessage = z.infer<typeof zcaGroupMessageSchema>;

export const zcaEventName = 'zca_group_message';

/** What we keep of a zca-js message: no avatars or internal fields, ID-card numbers redacted. */
export function toStoredZcaMessage(message: ZcaGroupMessage): { dedupeKey: (ownUid: string) => string; payload: string; senderId: string } {
  const { data } = message;
  const content = typeof data.content === 'string' ? redactSensitiveText(data.content, { codes: false }) : { kind: 'attachment' };
  const kept = {
    type: message.type,
    threadId: message.threadId,
    isSelf: message.isSelf,
    data: { msgId: data.msgId, cliMsgId: data.cliMsgId, msgType: data.msgType, uidFrom: data.uidFrom, idTo: data.idTo, dName: data.dName, ts: data.ts, content, mentions: data.mentions ?? undefined },
  };
  return {
    dedupeKey: (ownUid) => `zca:${ownUid}:${data.msgId}`,
    payload: JSON.stringify(kept),
    senderId: data.uidFrom,
  };
}

/** Our IncomingMessage for a stored zca-js group message, or null when it is not one to act on. */
export function zcaStoredToIncoming(payload: string, inboundEventId: number): IncomingMessage | null {
  const parsed = zcaGroupMessageSchema.safeParse(JSON.parse(payload));
  if (!parsed.success || parsed.data.isSelf) return null;
  const { data, threadId } = parsed.data;
  return {
    kind: 'message',
    source: 'zca',
    inboundEventId,
    channelId: data.idTo,
    chat: { kind: 'group', groupId: threadId },
    senderId: data.uidFrom,
    senderName: data.dName?.trim() || null,
    messageId: data.msgId,
    text: typeof data.content === 'string' && data.content.trim() ? data.content : null,
    attachmentTypes: typeof data.content === 'string' ? [] : ['attachment'],
    receivedAt: new Date(Number(data.ts) || Date.now()),
  };
}

