import { createHash } from 'node:crypto';

/**
 * The dedupe key of a webhook delivery: OA id + event name + `message.msg_id`, or a hash of the body
 * when the event has no msg_id (follow, submit-info…). The event name is part of the key because
 * receipts and echoes can refer to the same msg_id as the message itself.
 */
export function webhookEventKey(input: { oaId: string; eventName: string; json: unknown; rawBody: Buffer }): string {
  const msgId = readMsgId(input.json);
  if (msgId) return `oa:${input.oaId}:${input.eventName}:${msgId}`;
  return `oa:${input.oaId}:${input.eventName}:sha256:${createHash('sha256').update(input.rawBody).digest('hex')}`;
}

/**
 * The OA an event names: recipient for user events, sender for OA echoes, `oa_id` for follows;
 * `fallback` when it names none (group events, whose recipient may be the group).
 */
export function webhookEventOaId<F extends string | null>(eventName: string, json: unknown, fallback: F): string | F {
  if (!isRecord(json)) return fallback;
  if (typeof json.oa_id === 'string') return json.oa_id;
  // In group events the recipient may be the group, not the OA.
  if (eventName.includes('_group_')) return fallback;
  const side = eventName.startsWith('oa_') ? json.sender : json.recipient;
  if (isRecord(side) && typeof side.id === 'string') return side.id;
  return fallback;
}

function readMsgId(json: unknown): string | null {
  if (!isRecord(json) || !isRecord(json.message)) return null;
  const id = json.message.msg_id;
  return typeof id === 'string' && id.length > 0 ? id : null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
