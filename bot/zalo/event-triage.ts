import type { Envelope } from './webhook-event.ts';

/** Why a correctly signed event is stored but not acted on; the reason is kept on the row. */
export type IgnoreReason = 'foreign-app' | 'foreign-oa' | 'too-old';

/** Message events carry a msg_id in every real delivery; without it a redelivery cannot be recognised. */
const messageEvent = /^(user_send_|oa_send_)/;

/**
 * Checks an event is ours and current before anything acts on it. The signature proves the sender
 * knows our secret, not that the event is addressed to us: a shared secret across apps, or a
 * misrouted stand-in, must not make us answer someone else's users. `oaId` is the OA the event
 * names (see webhookEventOaId), `now` and `maxAgeMs` bound how late a reply still makes sense.
 */
export function triageWebhookEvent(input: {
  envelope: Envelope;
  oaId: string;
  ours: { appId: string; oaId: string };
  now: Date;
  maxAgeMs: number;
}): { ignore: IgnoreReason; ageMs: number } | { ignore: null; ageMs: number } {
  const ageMs = input.now.getTime() - Number(input.envelope.timestamp);
  if (input.envelope.app_id !== undefined && input.envelope.app_id !== input.ours.appId) return { ignore: 'foreign-app', ageMs };
  if (input.oaId !== input.ours.oaId) return { ignore: 'foreign-oa', ageMs };
  if (ageMs > input.maxAgeMs) return { ignore: 'too-old', ageMs };
  return { ignore: null, ageMs };
}

/** A message event without its msg_id: stored as invalid with this reason. */
export function missingMessageId(eventName: string, json: unknown): boolean {
  if (!messageEvent.test(eventName)) return false;
  if (typeof json !== 'object' || json === null || !('message' in json)) return true;
  const message = json.message;
  if (typeof message !== 'object' || message === null || !('msg_id' in message)) return true;
  return typeof message.msg_id !== 'string' || message.msg_id.length === 0;
}
