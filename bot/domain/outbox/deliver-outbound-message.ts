import type { Db } from '../../../db/client.ts';
import {
  claimOutboundMessage,
  clearOutboundUnverified,
  findEarlierOpenMessage,
  listSentMessageIds,
  lockOutboundMessage,
  markOutboundFailed,
  markOutboundInDoubt,
  markOutboundSent,
  releaseOutboundMessage,
} from '../../../db/queries/outbound-messages.ts';
import type { OutboundRow } from '../../../db/queries/outbound-messages.ts';
import { markSentAndClaimNext, quickClaimOutbound } from '../../../db/queries/outbound-claims.ts';
import { claimedQuickly, quickClaim } from './quick-claim.ts';
import type { ClaimedRow } from './quick-claim.ts';
import type { Clock } from '../../clock.ts';
import type { Logger } from '../../logger.ts';
import { DeliveryError } from './message-transport.ts';
import type { HandoffQueue, MessageTransport } from './message-transport.ts';
import { outboundContentSchema } from './outbound-content.ts';
import { applyUnverifiablePolicy } from './in-doubt-policy.ts';
import { RetryDeliveryError } from './retry-delivery-error.ts';
import { describeError } from '../../logger.ts';

export type DeliveryDeps = {
  db: Db;
  /** A channel without a transport (e.g. groups before one is connected) keeps its rows waiting. */
  transports: Partial<Record<OutboundRow['channel'], MessageTransport>>;
  clock: Clock;
  logger: Logger;
  /** How long a claim stays valid; after that a `sending` row is treated as in doubt. */
  leaseMs: number;
  /** After this many attempts the row is marked failed instead of being tried again. */
  maxAttempts: number;
  /** How long delivery may stay impossible to check before the in-doubt policy decides. */
  unverifiedResendAfterMs: number;
  /** Waits for the account's sending budget; called right before each message goes to the platform. */
  pace?: () => Promise<void>;
};

export type DeliveryOutcome =
  | { kind: 'sent'; messageId: string; reconciled: boolean }
  | { kind: 'failed'; code: number | null; error: string }
  | { kind: 'already-done' }
  | { kind: 'defer'; delayMs: number; reason: string }
  /** Another process must send this row (see Readiness). */
  | { kind: 'handoff'; to: HandoffQueue };

/** How long a message waits for the one before it to the same person (usually sent in ~50 ms). */
const orderingWaitMs = 60;
/** When nothing has happened to the one before for this long, it is itself held up: poll slower. */
const orderingStuckAfterMs = 5_000;
const orderingStuckWaitMs = 500;
const noTransportRetryMs = 10 * 60_000;
const clockSkewMs = 60_000;

export type DeliveryResult = { outcome: DeliveryOutcome; next: ClaimedRow | null };

/**
 * Delivers one outbox row at most once. The row is claimed (`sending`) and committed before the
 * platform is called; if a previous attempt died or timed out mid-call, the platform's history is
 * checked for the message before anything is sent again. A row that is plainly sendable is claimed
 * in one statement; `claimed` is such a row, claimed by the statement that recorded the previous
 * row of its batch as sent. After a send, `nextId` is claimed the same way when it can be.
 */
export async function deliverOutboundMessage(deps: DeliveryDeps, target: { id: number; claimed?: ClaimedRow | null; nextId?: number | null }): Promise<DeliveryResult> {
  const claim = target.claimed ? { kind: 'claimed' as const, ...target.claimed } : await claimRow(deps, target.id);
  if (claim.kind !== 'claimed') return { outcome: claim.outcome, next: null };
  const { row, inDoubtSince, transport } = claim;
  const content = outboundContentSchema.parse(row.payload);
  const log = deps.logger.child({ outboundId: row.id, channel: row.channel, attempt: claim.attempt });

  if (inDoubtSince) {
    const checked = await reconcile(deps, row, inDoubtSince, content, transport, log);
    if (checked) return { outcome: checked, next: null };
  }

  let messageId: string;
  try {
    await deps.pace?.();
    ({ messageId } = await transport.send(row.recipientId, content, { oaId: row.oaId }));
  } catch (err) {
    return { outcome: await handleSendFailure(deps, row, err, log), next: null };
  }
  const nextId = target.nextId ?? null;
  const next = await markSentAndClaimNext(deps.db, { id: row.id, zaloMessageId: messageId, now: deps.clock.now(), next: nextId === null ? null : quickClaim(deps, nextId) });
  log.info({ messageId }, 'message delivered');
  return { outcome: { kind: 'sent', messageId, reconciled: false }, next: next ? claimedQuickly(deps, next) : null };
}

type Claim = ({ kind: 'claimed' } & ClaimedRow) | { kind: 'skip'; outcome: DeliveryOutcome };

/** The quick claim when it applies, else the full one, which decides every other case. */
async function claimRow(deps: DeliveryDeps, id: number): Promise<Claim> {
  const quick = await quickClaimOutbound(deps.db, quickClaim(deps, id));
  const claimed = quick ? claimedQuickly(deps, quick) : null;
  return claimed ? { kind: 'claimed', ...claimed } : fullClaim(deps, id);
}

async function fullClaim(deps: DeliveryDeps, id: number): Promise<Claim> {
  return deps.db.transaction(async (tx): Promise<Claim> => {
    const row = await lockOutboundMessage(tx, id);
    if (!row) throw new Error(`outbound message ${id} does not exist`);
    const now = deps.clock.now();
    const skip = (outcome: DeliveryOutcome): Claim => ({ kind: 'skip', outcome });
    if (row.status === 'sent' || row.status === 'failed') return skip({ kind: 'already-done' });
    if (row.notBefore > now) return skip({ kind: 'defer', delayMs: row.notBefore.getTime() - now.getTime(), reason: 'not-before' });
    const transport = deps.transports[row.channel];
    if (!transport) return skip({ kind: 'defer', delayMs: noTransportRetryMs, reason: 'no-transport' });
    const readiness = transport.prepare ? await transport.prepare(row.recipientId, { oaId: row.oaId }) : { kind: 'ready' as const };
    if (readiness.kind === 'wait') return skip({ kind: 'defer', delayMs: readiness.delayMs, reason: readiness.reason });
    if (readiness.kind === 'handoff') return skip({ kind: 'handoff', to: readiness.to });
    const earlier = await findEarlierOpenMessage(tx, row, now);
    if (earlier) {
      const stuck = now.getTime() - earlier.updatedAt.getTime() > orderingStuckAfterMs;
      return skip({ kind: 'defer', delayMs: stuck ? orderingStuckWaitMs : orderingWaitMs, reason: 'ordering' });
    }
    let inDoubtSince: Date | null = null;
    if (row.status === 'sending') {
      const claimedAt = row.claimedAt ?? new Date(0);
      const leaseLeft = claimedAt.getTime() + deps.leaseMs - now.getTime();
      if (leaseLeft > 0) return skip({ kind: 'defer', delayMs: leaseLeft, reason: 'claimed-elsewhere' });
      // The previous attempt's claim time is lost when the lease was cut short; look back far enough.
      inDoubtSince = claimedAt.getTime() > 0 ? claimedAt : row.createdAt;
    }
    if (row.attempts >= deps.maxAttempts) {
      await markOutboundFailed(tx, { id, code: null, error: `gave up after ${row.attempts} attempts: ${row.lastError ?? ''}`, now });
      return skip({ kind: 'failed', code: null, error: 'too many attempts' });
    }
    await claimOutboundMessage(tx, id, now);
    return { kind: 'claimed', row, inDoubtSince, transport, attempt: row.attempts + 1 };
  });
}

/** Looks for the earlier attempt in the conversation; null means "not there: send". */
async function reconcile(
  deps: DeliveryDeps,
  row: OutboundRow,
  since: Date,
  content: ReturnType<typeof outboundContentSchema.parse>,
  transport: MessageTransport,
  log: Logger,
): Promise<DeliveryOutcome | null> {
  const lookFrom = new Date(since.getTime() - clockSkewMs);
  try {
    const excludeMessageIds = await listSentMessageIds(deps.db, { channel: row.channel, recipientId: row.recipientId, oaId: row.oaId, since: new Date(lookFrom.getTime() - 3_600_000) });
    const found = await transport.findDelivered({ recipientId: row.recipientId, content, since: lookFrom, excludeMessageIds }, { oaId: row.oaId });
    if (!found) {
      if (row.unverifiedSince) await clearOutboundUnverified(deps.db, { id: row.id, now: deps.clock.now() });
      log.warn('previous attempt ended in doubt; not found in the conversation, sending again');
      return null;
    }
    await markOutboundSent(deps.db, { id: row.id, zaloMessageId: found.messageId, now: deps.clock.now() });
    log.info({ messageId: found.messageId }, 'previous attempt had delivered the message; recorded without resending');
    return { kind: 'sent', messageId: found.messageId, reconciled: true };
  } catch (err) {
    return applyUnverifiablePolicy(deps, row, err, log);
  }
}

async function handleSendFailure(deps: DeliveryDeps, row: OutboundRow, err: unknown, log: Logger): Promise<DeliveryOutcome> {
  const now = deps.clock.now();
  const failure = err instanceof DeliveryError ? err : new DeliveryError('in-doubt', describeError(err));
  switch (failure.kind) {
    case 'final':
      await markOutboundFailed(deps.db, { id: row.id, code: failure.code, error: failure.message, now });
      log.warn({ code: failure.code, error: failure.message }, 'message refused for good');
      return { kind: 'failed', code: failure.code, error: failure.message };
    case 'retry':
      await releaseOutboundMessage(deps.db, { id: row.id, code: failure.code, error: failure.message, now });
      log.warn({ code: failure.code, error: failure.message }, 'message not sent for now; will retry');
      throw new RetryDeliveryError(failure.message, failure.retryAfterMs, true);
    case 'in-doubt':
      await markOutboundInDoubt(deps.db, { id: row.id, error: failure.message, now });
      log.warn({ err: failure }, 'send outcome unknown; will reconcile before retrying');
      throw new RetryDeliveryError(failure.message, null);
  }
}
