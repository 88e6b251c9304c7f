/**
 * What happens to a message whose earlier attempt may or may not have reached Zalo, when the
 * conversation history that would tell us cannot be read for `UNVERIFIED_RESEND_AFTER_MIN`.
 *
 * - `resend-once`: send it again, once, and record that it may have arrived twice. A guide step or
 *   a team's "new request" notice seen twice harms less than one never seen.
 * - `give-up`: mark it failed as unconfirmed. Only for nudges whose absence harms nobody and whose
 *   repetition reads as nagging.
 *
 * A message that was already resent once is never resent again: a second unknown ends as unconfirmed.
 */
export type UnverifiablePolicy = 'resend-once' | 'give-up';

export type MessageKind = 'resident-reply' | 'help-request' | 'group-reply' | 'follow-up' | 'other';

/** The kind is the cause the outbox key was derived from (see queueReplies and queueTeamMessage). */
const kindByKeyPrefix: [string, MessageKind][] = [
  ['reply-', 'resident-reply'],
  ['help-request-', 'help-request'],
  ['group-reply-', 'group-reply'],
  ['follow-up-', 'follow-up'],
];

export const unverifiablePolicies: Record<MessageKind, UnverifiablePolicy> = {
  'resident-reply': 'resend-once',
  'help-request': 'resend-once',
  'group-reply': 'resend-once',
  'follow-up': 'give-up',
  other: 'resend-once',
};

export function messageKindOf(idempotencyKey: string): MessageKind {
  return kindByKeyPrefix.find(([prefix]) => idempotencyKey.startsWith(prefix))?.[1] ?? 'other';
}
