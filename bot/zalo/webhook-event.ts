import { z } from 'zod';

/**
 * Schemas for the OA webhook events we handle. Every id and the timestamp are strings: user and
 * OA ids exceed 2^53 and would be corrupted by a JS number (docs/platform-facts.md, "Webhook").
 * Unknown fields are kept (`looseObject`) because Zalo adds fields without notice.
 */

const id = z.string().min(1);
const timestamp = z.string().regex(/^\d+$/, 'epoch milliseconds as a string');

export const envelopeSchema = z.looseObject({
  event_name: z.string().min(1),
  timestamp,
  app_id: z.string().optional(),
});

const attachment = z.looseObject({
  type: z.string(),
  payload: z
    .looseObject({
      url: z.string().optional(),
      thumbnail: z.string().optional(),
      coordinates: z.looseObject({ latitude: z.union([z.string(), z.number()]), longitude: z.union([z.string(), z.number()]) }).optional(),
    })
    .optional(),
});

/** `user_send_*`: a resident writes to the OA (text, image, sticker, location…). */
export const userMessageEventSchema = z.looseObject({
  event_name: z.string().startsWith('user_send_'),
  timestamp,
  app_id: z.string().optional(),
  sender: z.looseObject({ id }),
  recipient: z.looseObject({ id }),
  user_id_by_app: z.string().optional(),
  message: z.looseObject({
    msg_id: id,
    text: z.string().optional(),
    attachments: z.array(attachment).optional(),
  }),
});

/** `oa_send_*`: Zalo echoes every OA message, including the ones our own API call sent. */
export const oaEchoEventSchema = z.looseObject({
  event_name: z.string().startsWith('oa_send_'),
  timestamp,
  sender: z.looseObject({ id }),
  recipient: z.looseObject({ id }),
  message: z.looseObject({ msg_id: id }),
});

/**
 * `user_send_group_*`: a member writes in an OA-owned (GMF) group. Where the group id sits is not
 * documented for sure (docs/platform-facts.md, "Groups"), so every candidate the public code uses is accepted.
 */
export const groupMessageEventSchema = z.looseObject({
  event_name: z.string().startsWith('user_send_group_'),
  timestamp,
  sender: z.looseObject({ id, display_name: z.string().optional(), name: z.string().optional() }),
  recipient: z.looseObject({ id: z.string().optional(), group_id: z.string().optional() }).optional(),
  group_id: z.string().optional(),
  message: z.looseObject({
    msg_id: id,
    text: z.string().optional(),
    conversation_id: z.string().optional(),
    attachments: z.array(attachment).optional(),
  }),
});

export const followEventSchema = z.looseObject({
  event_name: z.enum(['follow', 'unfollow']),
  timestamp,
  oa_id: id,
  follower: z.looseObject({ id }),
  source: z.string().optional(),
});

/** The answer to a `request_user_info` card. Two shapes exist in the wild; both are accepted. */
export const submitInfoEventSchema = z.looseObject({
  event_name: z.literal('user_submit_info'),
  timestamp,
  sender: z.looseObject({ id }),
  recipient: z.looseObject({ id }),
  info: z.looseObject({
    name: z.string().optional(),
    phone: z.string().optional(),
    address: z.string().optional(),
    city: z.string().optional(),
    district: z.string().optional(),
    ward: z.string().optional(),
    full_address: z.looseObject({}).optional(),
  }),
});

export type Envelope = z.infer<typeof envelopeSchema>;
export type UserMessageEvent = z.infer<typeof userMessageEventSchema>;
export type OaEchoEvent = z.infer<typeof oaEchoEventSchema>;
export type FollowEvent = z.infer<typeof followEventSchema>;
export type SubmitInfoEvent = z.infer<typeof submitInfoEventSchema>;
export type GroupMessageEvent = z.infer<typeof groupMessageEventSchema>;

export type ZaloWebhookEvent =
  | { type: 'user-message'; event: UserMessageEvent }
  | { type: 'oa-echo'; event: OaEchoEvent }
  | { type: 'follow'; event: FollowEvent }
  | { type: 'submit-info'; event: SubmitInfoEvent }
  | { type: 'group-message'; event: GroupMessageEvent; groupId: string };

/** The user → OA message events we act on; other `user_*` events are stored as ignored. */
const userMessageEvents = new Set([
  'user_send_text',
  'user_send_image',
  'user_send_sticker',
  'user_send_gif',
  'user_send_link',
  'user_send_audio',
  'user_send_video',
  'user_send_file',
  'user_send_location',
  'user_send_business_card',
]);

export type ParsedWebhookEvent =
  | { status: 'handled'; envelope: Envelope; event: ZaloWebhookEvent }
  | { status: 'ignored'; envelope: Envelope }
  | { status: 'invalid'; envelope: Envelope; issues: string };

/**
 * The group a GMF event belongs to, trying in order: `recipient.group_id`, `message.conversation_id`,
 * a top-level `group_id`, then `recipient.id` unless that is the OA itself.
 */
export function groupIdOf(event: GroupMessageEvent, oaId: string | null): string | null {
  const candidates = [event.recipient?.group_id, event.message.conversation_id, event.group_id, event.recipient?.id === oaId ? undefined : event.recipient?.id];
  return candidates.find((c): c is string => typeof c === 'string' && c.length > 0) ?? null;
}

/** Sorts a JSON body into handled, ignored (a type we do not act on) or invalid (a known type, bad shape). */
export function parseWebhookEvent(envelope: Envelope, json: unknown, oaId: string | null = null): ParsedWebhookEvent {
  const name = envelope.event_name;
  if (userMessageEvents.has(name)) return pick(envelope, json, userMessageEventSchema, (event) => ({ type: 'user-message', event }));
  if (name.startsWith('user_send_group_')) {
    const r = groupMessageEventSchema.safeParse(json);
    if (!r.success) return { status: 'invalid', envelope, issues: z.prettifyError(r.error) };
    const groupId = groupIdOf(r.data, oaId);
    if (!groupId) return { status: 'invalid', envelope, issues: 'no group id in any known field' };
    return { status: 'handled', envelope, event: { type: 'group-message', event: r.data, groupId } };
  }
  if (name.startsWith('oa_send_') && !name.includes('group')) return pick(envelope, json, oaEchoEventSchema, (event) => ({ type: 'oa-echo', event }));
  if (name === 'follow' || name === 'unfollow') return pick(envelope, json, followEventSchema, (event) => ({ type: 'follow', event }));
  if (name === 'user_submit_info') return pick(envelope, json, submitInfoEventSchema, (event) => ({ type: 'submit-info', event }));
  return { status: 'ignored', envelope };
}

// Not a closure inside parseWebhookEvent: tsx keeps function names, so a named function made inside
// another is named again (a property definition) on every call, here once per webhook delivery.
function pick<T>(envelope: Envelope, json: unknown, schema: z.ZodType<T>, wrap: (e: T) => ZaloWebhookEvent): ParsedWebhookEvent {
  const r = schema.safeParse(json);
  if (!r.success) return { status: 'invalid', envelope, issues: z.prettifyError(r.error) };
  return { status: 'handled', envelope, event: wrap(r.data) };
}
