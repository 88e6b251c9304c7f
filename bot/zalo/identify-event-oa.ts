import { verifyEventSignature } from './verify-signature.ts';
import type { SignatureCheck } from './verify-signature.ts';
import { webhookEventOaId } from './event-key.ts';

/** What the webhook needs to know of an OA: whose key signs its events, and whether it is served. */
export type WebhookOa = { oaId: string; appId: string; oaSecretKey: string; appSecret: string; active: boolean };

/** The deployment's OAs as the webhook looks them up (bot/oas/oa-directory.ts in production). */
export type WebhookOaLookup = {
  find: (oaId: string) => Promise<WebhookOa | null>;
  ofApp: (appId: string) => Promise<WebhookOa[]>;
  all: () => Promise<WebhookOa[]>;
};

export type EventOa =
  /** Signed by this OA's key. */
  | { kind: 'oa'; oa: WebhookOa; variant: Extract<SignatureCheck, { ok: true }>['variant'] }
  /** No OA of ours is named by the event (or its app): stored as ignored without a signature check. */
  | { kind: 'unknown'; oaId: string | null; reason: 'foreign-oa' | 'foreign-app' }
  | { kind: 'bad-signature'; reason: Extract<SignatureCheck, { ok: false }>['reason'] };

/**
 * Finds the OA an event is for and checks it was signed with that OA's key. The event names its OA
 * (`oa_id`, the recipient of a user's message, the sender of an echo); group events may not, and
 * then the OAs of the event's app are tried in turn, so several OAs can share one Zalo app and one
 * webhook URL. An event of an OA we do not serve cannot be verified (we lack its key); it is
 * reported as unknown so that it is stored as ignored and answered 200, and Zalo stops retrying.
 */
export async function identifyEventOa(
  lookup: WebhookOaLookup,
  event: { eventName: string | null; appId: string | null; json: unknown; rawBody: Buffer; signature: string | string[] | undefined; timestamp: string | undefined },
  compat: boolean,
): Promise<EventOa> {
  const namedOaId = event.eventName ? webhookEventOaId(event.eventName, event.json, null) : null;
  let candidates: WebhookOa[];
  if (namedOaId) {
    const named = await lookup.find(namedOaId);
    if (!named) return { kind: 'unknown', oaId: namedOaId, reason: 'foreign-oa' };
    candidates = [named];
  } else {
    candidates = event.appId ? await lookup.ofApp(event.appId) : await lookup.all();
    if (candidates.length === 0) return { kind: 'unknown', oaId: null, reason: 'foreign-app' };
  }
  let failure: Extract<SignatureCheck, { ok: false }>['reason'] = 'mismatch';
  for (const oa of candidates) {
    const check = verifyEventSignature(event.signature, event.rawBody, event.timestamp, { ...oa, compat });
    if (check.ok) return { kind: 'oa', oa, variant: check.variant };
    failure = check.reason;
    // Without a header or timestamp no other OA's key can match either.
    if (check.reason !== 'mismatch') break;
  }
  return { kind: 'bad-signature', reason: failure };
}
