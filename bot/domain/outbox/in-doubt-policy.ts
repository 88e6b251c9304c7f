import { markOutboundFailed, markOutboundInDoubt, markOutboundPossiblyDuplicate, unconfirmedErrorPrefix } from '../../../db/queries/outbound-messages.ts';
import type { OutboundRow } from '../../../db/queries/outbound-messages.ts';
import type { Logger } from '../../logger.ts';
import type { DeliveryDeps, DeliveryOutcome } from './deliver-outbound-message.ts';
import { RetryDeliveryError } from './retry-delivery-error.ts';
import { describeError } from '../../logger.ts';

/**
 * What happens to a message whose earlier attempt may or may not have reached Zalo, when the
 * conversation history that would tell us cannot be read for `UNVERIFIED_RESEND_AFTER_SEC`.
 *
 * - `resend-once`: send it again, once, and record that it may have arrived twice. A guide step or
 *   a team's "new request" notice seen twice harms less than one never seen.
 * - `give-up`: mark it failed as unconfirmed. Only for nudges whose absence harms nobody and whose
 *   repetition reads as nagging.
 *
 * A message is resent at most once. If the resend too ends in doubt, it waits for the history six
 * times as long (an hour by default) and then ends as unconfirmed; when the history answers first,
 * it is found there or sent.
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

/** While the history is unreadable, check again at this pace (it does not use up job attempts). */
const unverifiedRetryMinMs = 1_000;
const unverifiedRetryMaxMs = 30_000;
/** After the resend, how many times UNVERIFIED_RESEND_AFTER_SEC a message waits before it is given up. */
const unverifiedGiveUpFactor = 6;

/** The history cannot be read: wait for it, until the policy for this kind of message decides. */
export async function applyUnverifiablePolicy(deps: DeliveryDeps, row: OutboundRow, err: unknown, log: Logger): Promise<DeliveryOutcome | null> {
  const now = deps.clock.now();
  const unverifiedSince = row.unverifiedSince ?? now;
  const waitedMs = now.getTime() - unverifiedSince.getTime();
  const kind = messageKindOf(row.idempotencyKey);
  const policy = unverifiablePolicies[kind];
  // After its one resend a message only waits for the history (longer), since it is never resent again.
  const decideAfterMs = deps.unverifiedResendAfterMs * (row.possiblyDuplicate ? unverifiedGiveUpFactor : 1);
  if (waitedMs < decideAfterMs) {
    await markOutboundInDoubt(deps.db, { id: row.id, error: `could not check delivery: ${describeError(err)}`, now, unverifiedSince });
    const retryAfterMs = Math.min(unverifiedRetryMaxMs, Math.max(unverifiedRetryMinMs, decideAfterMs - waitedMs));
    throw new RetryDeliveryError(`could not confirm an earlier attempt: ${describeError(err)}`, retryAfterMs);
  }
  if (policy === 'resend-once' && !row.possiblyDuplicate) {
    await markOutboundPossiblyDuplicate(deps.db, { id: row.id, now });
    log.warn({ kind, policy, uncheckedForMs: waitedMs, inDoubt: 'resent' }, 'delivery could not be checked; sending once more, it may arrive twice');
    return null;
  }
  const error = `${unconfirmedErrorPrefix} delivery could not be checked for ${Math.round(waitedMs / 1000)} s`;
  await markOutboundFailed(deps.db, { id: row.id, code: null, error, now });
  log.warn({ kind, policy, uncheckedForMs: waitedMs, inDoubt: 'abandoned' }, 'delivery could not be checked; not sending again');
  return { kind: 'failed', code: null, error };
}
