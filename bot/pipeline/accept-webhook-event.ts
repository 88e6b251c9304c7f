import type { StoreInboundEvent, StoreOutcome } from './inbound-event-batcher.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { webhookEventKey } from '../zalo/event-key.ts';
import { identifyEventOa } from '../zalo/identify-event-oa.ts';
import type { WebhookOa, WebhookOaLookup } from '../zalo/identify-event-oa.ts';
import { redactStoredPayload, redactUnhandledPayload } from '../zalo/redact-stored-payload.ts';
import { describeUnstorable, findUnstorable } from '../zalo/unstorable-json.ts';
import { missingMessageId, triageWebhookEvent } from '../zalo/event-triage.ts';
import { envelopeSchema, parseWebhookEvent } from '../zalo/webhook-event.ts';
import type { Envelope, ZaloWebhookEvent } from '../zalo/webhook-event.ts';
import type { IgnoreReason } from '../zalo/event-triage.ts';

export type WebhookDeps = {
  /** Stores the event durably (batched with concurrent deliveries); the relay queues it afterwards. */
  storeInbound: StoreInboundEvent;
  /** The OAs this deployment serves. */
  oas: WebhookOaLookup;
  options: WebhookOptions;
  clock: Clock;
  logger: Logger;
};

export type WebhookOptions = {
  /** Also accept the minority signature readings (oa_id first, or the app secret); see README. */
  macCompat: boolean;
  /** An event older than this (by its own timestamp) is stored as ignored: a reply would come too late. */
  maxEventAgeMs: number;
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
 * the queue is not on this path: the relay (bot/pipeline/inbound-relay.ts) does it once the row is
 * committed, and the sweeper if the relay could not.
 */
export async function acceptWebhookEvent(
  deps: WebhookDeps,
  request: { rawBody: Buffer; signature: string | string[] | undefined },
): Promise<WebhookOutcome> {
  const checked = await checkDelivery(deps, request);
  if ('kind' in checked) return checked;
  const { json, oa } = checked;
  if (oa.kind === 'unknown') return storeUnknownOaEvent(deps, json, request.rawBody, oa);
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { kind: 'bad-request', reason: 'envelope without event_name or timestamp' };
  const eventName = envelope.data.event_name;
  const oaId = oa.oa.oaId;
  const triage = triageWebhookEvent({ envelope: envelope.data, oaId, ours: oa.oa, now: deps.clock.now(), maxAgeMs: deps.options.maxEventAgeMs });
  if (triage.ageMs > lateEventLogMs) deps.logger.warn({ eventName, ageMs: triage.ageMs, ignored: triage.ignore === 'too-old' }, 'webhook event arrived late');
  const ignore = triage.ignore ?? (oa.oa.active ? null : 'oa-disabled');
  if (ignore === 'oa-disabled') deps.logger.warn({ oaId, eventName }, 'event for a disabled OA; stored as ignored');
  const { status, reason, senderId, payload } = classifyEvent(deps, oa.oa, envelope.data, json, request.rawBody, ignore);
  return store(deps, { oaId, eventName, json, rawBody: request.rawBody, status, reason, senderId, payload });
}

type KnownOa = { kind: 'oa'; oa: WebhookOa };
type UnknownOa = Extract<Awaited<ReturnType<typeof identifyEventOa>>, { kind: 'unknown' }>;

/**
 * The body as JSON and the OA that signed it, once the signature holds and nothing in the body
 * could break storing it; an OA we do not serve comes back unverified. Otherwise the answer.
 */
async function checkDelivery(
  deps: WebhookDeps,
  request: { rawBody: Buffer; signature: string | string[] | undefined },
): Promise<{ json: unknown; oa: KnownOa | UnknownOa } | WebhookOutcome> {
  let json: unknown;
  try {
    json = JSON.parse(request.rawBody.toString('utf8'));
  } catch {
    return request.signature ? { kind: 'bad-request', reason: 'malformed JSON' } : { kind: 'unauthorized', reason: 'missing-header' };
  }
  // Checked before anything walks the JSON or tries to store it: bad input is 400, never an outage.
  const unstorable = findUnstorable(json);
  const oa = await identifyEventOa(
    deps.oas,
    { eventName: readString(json, 'event_name'), appId: readString(json, 'app_id'), json, rawBody: request.rawBody, signature: request.signature, timestamp: readString(json, 'timestamp') ?? undefined },
    deps.options.macCompat,
  );
  if (oa.kind === 'bad-signature') return { kind: 'unauthorized', reason: oa.reason };
  if (unstorable) return { kind: 'bad-request', reason: describeUnstorable(unstorable) };
  if (oa.kind === 'oa' && oa.variant !== 'app-id+oa-secret') deps.logger.warn({ variant: oa.variant }, 'webhook signed with a non-default MAC reading');
  return { json, oa };
}

/**
 * An event of an OA (or app) this deployment does not serve: kept as ignored, with what it was
 * redacted, so an operator can see that Zalo sends it here (an OA not added yet), and answered 200
 * so Zalo does not retry it forever.
 */
async function storeUnknownOaEvent(deps: WebhookDeps, json: unknown, rawBody: Buffer, oa: UnknownOa): Promise<WebhookOutcome> {
  const eventName = readString(json, 'event_name') ?? 'unknown';
  deps.logger.warn({ oaId: oa.oaId, appId: readString(json, 'app_id'), eventName, reason: oa.reason }, 'webhook event for an OA this deployment does not serve; stored as ignored');
  return store(deps, { oaId: oa.oaId, eventName, json, rawBody, status: 'ignored', reason: oa.reason, senderId: null, payload: redactUnhandledPayload(json, rawBody) });
}

async function store(
  deps: WebhookDeps,
  e: { oaId: string | null; eventName: string; json: unknown; rawBody: Buffer } & Classified,
): Promise<WebhookOutcome> {
  const stored = await deps.storeInbound({
    source: 'oa_webhook',
    oaId: e.oaId,
    eventName: e.eventName,
    senderId: e.senderId,
    dedupeKey: webhookEventKey({ oaId: e.oaId ?? 'unknown', eventName: e.eventName, json: e.json, rawBody: e.rawBody }),
    payload: e.payload,
    status: e.status,
    lastError: e.reason,
    receivedAt: deps.clock.now(),
  });
  return toWebhookOutcome(stored, e.status);
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
function classifyEvent(deps: WebhookDeps, oa: WebhookOa, envelope: Envelope, json: unknown, rawBody: Buffer, ignore: IgnoreReason | 'oa-disabled' | null): Classified {
  if (ignore) return unhandled('ignored', ignore, json, rawBody);
  if (missingMessageId(envelope.event_name, json)) {
    deps.logger.warn({ eventName: envelope.event_name }, 'message event without msg_id; stored as invalid');
    return unhandled('invalid', 'message event without msg_id', json, rawBody);
  }
  const parsed = parseWebhookEvent(envelope, json, oa.oaId);
  if (parsed.status === 'ignored') return unhandled('ignored', 'event type not handled', json, rawBody);
  if (parsed.status === 'invalid') {
    deps.logger.warn({ eventName: envelope.event_name, issues: parsed.issues }, 'webhook event has an unexpected shape; stored as invalid');
    return unhandled('invalid', `unexpected shape: ${parsed.issues}`.slice(0, 500), json, rawBody);
  }
  return { status: 'received', reason: null, senderId: eventSenderId(parsed.event), payload: redactStoredPayload(parsed.event, rawBody) };
}

/**
 * An event kept but not handled, its free text redacted. Not a closure inside classifyEvent: tsx
 * keeps function names, so a named closure is named again on every call (see webhook-event.ts).
 */
function unhandled(status: 'ignored' | 'invalid', reason: string, json: unknown, rawBody: Buffer): Classified {
  return { status, reason, senderId: null, payload: redactUnhandledPayload(json, rawBody) };
}

function readString(json: unknown, key: string): string | null {
  if (typeof json !== 'object' || json === null || !(key in json)) return null;
  const value: unknown = Reflect.get(json, key);
  return typeof value === 'string' ? value : null;
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
