import type { ConversationStateRow } from './conversation-states.ts';
import type { GuideRunRow } from './guide-runs.ts';
import type { InboundRow } from './inbound-events.ts';
import type { OrgUnitRow } from './org-units.ts';
import type { OutboundRow } from './outbound-messages.ts';
import type { ResidentRow } from './residents.ts';

/*
 * Rows of the hot path's hand-written statements, read from `row_to_json` objects (snake_case keys,
 * timestamps as ISO text). Those statements skip drizzle's query builder, which cost more CPU per
 * resident message than anything else the worker did; the return types keep every field checked.
 */

export type JsonRow = Record<string, unknown>;

export function isJsonRow(value: unknown): value is JsonRow {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(key: string, value: unknown): never {
  throw new Error(`unexpected ${typeof value} in column ${key}`);
}
const str = (r: JsonRow, k: string): string => (typeof r[k] === 'string' ? r[k] : fail(k, r[k]));
const strOrNull = (r: JsonRow, k: string): string | null => (r[k] === null || r[k] === undefined ? null : str(r, k));
const num = (r: JsonRow, k: string): number => (typeof r[k] === 'number' ? r[k] : typeof r[k] === 'string' && /^-?\d+$/.test(r[k]) ? Number(r[k]) : fail(k, r[k]));
const numOrNull = (r: JsonRow, k: string): number | null => (r[k] === null || r[k] === undefined ? null : num(r, k));
const bool = (r: JsonRow, k: string): boolean => (typeof r[k] === 'boolean' ? r[k] : fail(k, r[k]));
const date = (r: JsonRow, k: string): Date => new Date(str(r, k));
const dateOrNull = (r: JsonRow, k: string): Date | null => (r[k] === null || r[k] === undefined ? null : date(r, k));
function oneOf<T extends string>(r: JsonRow, k: string, values: readonly T[]): T {
  const value = r[k];
  return values.find((v) => v === value) ?? fail(k, value);
}

export function residentRow(r: JsonRow): ResidentRow {
  return {
    id: num(r, 'id'),
    oaId: str(r, 'oa_id'),
    zaloUserId: str(r, 'zalo_user_id'),
    displayName: strOrNull(r, 'display_name'),
    villageId: numOrNull(r, 'village_id'),
    phone: strOrNull(r, 'phone'),
    addressForm: strOrNull(r, 'address_form'),
    optedOut: bool(r, 'opted_out'),
    optedOutAt: dateOrNull(r, 'opted_out_at'),
    privacyNoticeVersion: strOrNull(r, 'privacy_notice_version'),
    privacyNoticeAt: dateOrNull(r, 'privacy_notice_at'),
    lastInteractionAt: dateOrNull(r, 'last_interaction_at'),
    createdAt: date(r, 'created_at'),
  };
}

export function orgUnitRow(r: JsonRow): OrgUnitRow {
  return {
    id: num(r, 'id'),
    code: str(r, 'code'),
    name: str(r, 'name'),
    kind: oneOf(r, 'kind', ['province', 'commune', 'village']),
    parentId: numOrNull(r, 'parent_id'),
    validFrom: str(r, 'valid_from'),
    validTo: strOrNull(r, 'valid_to'),
    successorId: numOrNull(r, 'successor_id'),
    createdAt: date(r, 'created_at'),
  };
}

export function conversationStateRow(r: JsonRow): ConversationStateRow {
  return { residentId: num(r, 'resident_id'), kind: str(r, 'kind'), step: str(r, 'step'), data: r.data, updatedAt: date(r, 'updated_at'), expiresAt: date(r, 'expires_at') };
}

export function guideRunRow(r: JsonRow): GuideRunRow {
  return {
    id: num(r, 'id'),
    residentId: num(r, 'resident_id'),
    oaId: strOrNull(r, 'oa_id'),
    guideId: str(r, 'guide_id'),
    guideVersion: num(r, 'guide_version'),
    step: num(r, 'step'),
    status: oneOf(r, 'status', ['active', 'completed', 'stopped']),
    startedAt: date(r, 'started_at'),
    updatedAt: date(r, 'updated_at'),
    finishedAt: dateOrNull(r, 'finished_at'),
  };
}

export type InboundClaimRow = Pick<InboundRow, 'id' | 'source' | 'oaId' | 'senderId' | 'payload' | 'status'>;

export function inboundClaimRow(r: JsonRow): InboundClaimRow {
  return {
    id: num(r, 'id'),
    source: oneOf(r, 'source', ['oa_webhook', 'zca']),
    oaId: strOrNull(r, 'oa_id'),
    senderId: strOrNull(r, 'sender_id'),
    payload: str(r, 'payload'),
    status: oneOf(r, 'status', ['received', 'ignored', 'invalid', 'processed', 'failed']),
  };
}

export function outboundRow(r: JsonRow): OutboundRow {
  return {
    id: num(r, 'id'),
    idempotencyKey: str(r, 'idempotency_key'),
    channel: oneOf(r, 'channel', ['oa_user', 'team_group', 'zalo_group']),
    recipientId: str(r, 'recipient_id'),
    oaId: strOrNull(r, 'oa_id'),
    residentId: numOrNull(r, 'resident_id'),
    inboundEventId: numOrNull(r, 'inbound_event_id'),
    payload: r.payload,
    status: oneOf(r, 'status', ['pending', 'sending', 'sent', 'failed']),
    attempts: num(r, 'attempts'),
    notBefore: date(r, 'not_before'),
    enqueuedAt: dateOrNull(r, 'enqueued_at'),
    claimedAt: dateOrNull(r, 'claimed_at'),
    sentAt: dateOrNull(r, 'sent_at'),
    zaloMessageId: strOrNull(r, 'zalo_message_id'),
    lastErrorCode: numOrNull(r, 'last_error_code'),
    lastError: strOrNull(r, 'last_error'),
    unverifiedSince: dateOrNull(r, 'unverified_since'),
    possiblyDuplicate: bool(r, 'possibly_duplicate'),
    createdAt: date(r, 'created_at'),
    updatedAt: date(r, 'updated_at'),
  };
}
