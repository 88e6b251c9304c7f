import type { StoreInboundEvent, StoreOutcome } from '../inbound/inbound-event-batcher.ts';
import type { Clock } from '../clock.ts';
import type { ZaloConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import { webhookEventKey, webhookEventOaId } from './event-key.ts';
import { redactStoredPayload, redactUnhandledPayload } from './redact-stored-payload.ts';
import { describeUnstorable, findUnstorable } from './unstorable-json.ts';
import { missingMessageId, triageWebhookEvent } from './event-triage.ts';
import { verifyEventSignature } from './verify-signature.ts';
import { envelopeSchema, parseWebhookEvent } from './webhook-event.ts';
import type { Envelope, ZaloWebhookEvent } from './webhook-event.ts';
import type { IgnoreReason } from './event-triage.ts';

export type WebhookDeps = {
  /** Stores the event durably (batched with concurrent deliveries); the relay queues it afterwards. */
  storeInbound: StoreInboundEvent;
  zalo: ZaloConfig;
  clock: Clock;
  logger: Logger;
};

export type WebhookOutcome =
  | { kind: 'unauthorized'; reason: string }
  | { kind: 'bad-request'; reason: string }
  | { kind: 'unavailable'; reason: 'database unavailable' | 'overloaded' }
  | { kind: 'stored'; inboundEventId: number; status: 'received' | 'ignored' | 'invalid' }
  | { kind: 'duplicate' };

/**
 * One webhook delivery: verify the signature on the exact bytes, validate the envelope and store the
 * event durably under its dedupe key. Never reports success without a committed row. Handing it to
 * the queue is not on this path: the relay (bot/inbound/inbound-relay.ts) does it once the row is
 * committed, and the sweeper if the relay could not.
 */
export async function acceptWebhookEvent(
  deps: WebhookDeps,
  request: { rawBody: Buffer; signature: string | string[] | undefined },
): Promise<WebhookOutcome> {
  const checked = checkDelivery(deps, request);
  if ('kind' in checked) return checked;
  const { json } = checked;
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { kind: 'bad-request', reason: 'envelope without event_name or timestamp' };
  const eventName = envelope.data.event_name;
  const oaId = webhookEventOaId(eventName, json, deps.zalo.oaId);
  const triage = triageWebhookEvent({ envelope: envelope.data, oaId, ours: deps.zalo, now: deps.clock.now(), maxAgeMs: deps.zalo.maxEventAgeMs });
  if (triage.ageMs > lateEventLogMs) deps.logger.warn({ eventName, ageMs: triage.ageMs, ignored: triage.ignore === 'too-old' }, 'webhook event arrived late');
  const { status, reason, senderId, payload } = classifyEvent(deps, envelope.data, json, request.rawBody, triage.ignore);
  const stored = await deps.storeInbound({
    source: 'oa_webhook',
    oaId,
    eventName,
    senderId,
    dedupeKey: webhookEventKey({ oaId, eventName, json, rawBody: request.rawBody }),
    payload,
    status,
    lastError: reason,
    receivedAt: deps.clock.now(),
  });
  return toWebhookOutcome(stored, status);
}

/** The body as JSON once its signature holds and nothing in it could break storing it; otherwise the answer. */
function checkDelivery(deps: WebhookDeps, request: { rawBody: Buffer; signature: string | string[] | undefined }): { json: unknown } | WebhookOutcome {
  let json: unknown;
  try {
    json = JSON.parse(request.rawBody.toString('utf8'));
  } catch {
    return request.signature ? { kind: 'bad-request', reason: 'malformed JSON' } : { kind: 'unauthorized', reason: 'missing-header' };
  }
  const check = verifyEventSignature(request.signature, request.rawBody, readTimestamp(json), {
    appId: deps.zalo.appId,
    oaId: deps.zalo.oaId,
    oaSecretKey: deps.zalo.oaSecretKey,
    appSecret: deps.zalo.appSecret,
    compat: deps.zalo.webhookMacCompat,
  });
  if (!check.ok) return { kind: 'unauthorized', reason: check.reason };
  // Checked before anything walks the JSON or tries to store it: bad input is 400, never an outage.
  const unstorable = findUnstorable(json);
  if (unstorable) return { kind: 'bad-request', reason: describeUnstorable(unstorable) };
  if (check.variant !== 'app-id+oa-secret') deps.logger.warn({ variant: check.variant }, 'webhook signed with a non-default MAC reading');
  return { json };
}

function toWebhookOutcome(stored: StoreOutcome, status: Classified['status']): WebhookOutcome {
  switch (stored.kind) {
    case 'stored':
      return { kind: 'stored', inboundEventId: stored.inboundEventId, status };
    case 'duplicate':
      return { kind: 'duplicate' };
    case 'overloaded':
      return { kind: 'unavailable', reason: 'overloaded' };
    case 'failed':
      return { kind: 'unavailable', reason: 'database unavailable' };
  }
}

/** Events later than this are worth a log line even when still answered. */
const lateEventLogMs = 10 * 60_000;

type Classified = { status: 'received' | 'ignored' | 'invalid'; reason: string | null; senderId: string | null; payload: string };

/** Decides what becomes of a signed event: handled, ignored (with why) or invalid (with why). */
function classifyEvent(deps: WebhookDeps, envelope: Envelope, json: unknown, rawBody: Buffer, ignore: IgnoreReason | null): Classified {
  const unhandled = (status: 'ignored' | 'invalid', reason: string): Classified => ({ status, reason, senderId: null, payload: redactUnhandledPayload(json, rawBody) });
  if (ignore) return unhandled('ignored', ignore);
  if (missingMessageId(envelope.event_name, json)) {
    deps.logger.warn({ eventName: envelope.event_name }, 'message event without msg_id; stored as invalid');
    return unhandled('invalid', 'message event without msg_id');
  }
  const parsed = parseWebhookEvent(envelope, json, deps.zalo.oaId);
  if (parsed.status === 'ignored') return unhandled('ignored', 'event type not handled');
  if (parsed.status === 'invalid') {
    deps.logger.warn({ eventName: envelope.event_name, issues: parsed.issues }, 'webhook event has an unexpected shape; stored as invalid');
    return unhandled('invalid', `unexpected shape: ${parsed.issues}`.slice(0, 500));
  }
  return { status: 'received', reason: null, senderId: eventSenderId(parsed.event), payload: redactStoredPayload(parsed.event, rawBody) };
}

function readTimestamp(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null || !('timestamp' in json)) return undefined;
  return typeof json.timestamp === 'string' ? json.timestamp : undefined;
}

/** The person an event is from, for handling one person's events in order (null for echoes). */
function eventSenderId(event: ZaloWebhookEvent): string | null {
  switch (event.type) {
    case 'user-message':
    case 'submit-info':
    case 'group-message':
      return event.event.sender.id;
    case 'follow':
      return event.event.follower.id;
    case 'oa-echo':
      return null;
  }
}
