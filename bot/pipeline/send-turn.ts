import { DelayedError } from 'bullmq';
import type { CoreDeps } from '../deps.ts';
import { deliverOutboundMessage } from '../domain/outbox/deliver-outbound-message.ts';
import type { DeliveryDeps, DeliveryOutcome } from '../domain/outbox/deliver-outbound-message.ts';
import type { ClaimedRow } from '../domain/outbox/quick-claim.ts';
import { RetryDeliveryError } from '../domain/outbox/retry-delivery-error.ts';
import { queuePauseLimitMs } from './send-job.ts';
import type { SendJob } from './send-job.ts';

/** `throttle`: Zalo answered "too many" for a short while; holds every sender of the OA, then resolves. */
export type SendTurnDeps = { deps: CoreDeps; delivery: DeliveryDeps; throttle: (ms: number) => Promise<void>; ctx: SendJob };
type Turn = SendTurnDeps & { ids: number[] };

/**
 * Sends one turn's rows in order. Each row keeps its own guarantees (claimed before the call, at
 * most once, reconciled when in doubt); between rows, the statement recording one as sent claims
 * the next. When a row must wait or be retried, the rows not sent yet stay together in this job and
 * wait with it, so the order holds. Returns what happened to each row.
 */
export async function sendTurn(deps: SendTurnDeps, ids: number[]): Promise<DeliveryOutcome['kind'][]> {
  const d: Turn = { ...deps, ids };
  const kinds: DeliveryOutcome['kind'][] = [];
  let claimed: ClaimedRow | null = null;
  let i = 0;
  while (i < ids.length) {
    const result = await deliverOrThrottle(d, i, claimed);
    // Throttled: the same row again, once the gate opens.
    if (result === 'throttled') {
      claimed = null;
      continue;
    }
    const { outcome, next } = result;
    claimed = next;
    if (outcome.kind === 'defer') await waitWithTheRest(d, ids.slice(i), outcome.delayMs, `waiting: ${outcome.reason}`);
    if (outcome.kind === 'handoff') {
      await d.deps.queues.handOff(outcome.to, ids[i] ?? 0);
      d.ctx.log.debug({ to: outcome.to }, 'handed to the process that can send it');
    }
    kinds.push(outcome.kind);
    i += 1;
  }
  return kinds;
}

/**
 * One row. A short throttling answer holds every sender of the OA and this row is tried again
 * once it may go (its claim was released, so that is safe); any other retry
 * keeps the rest waiting.
 */
async function deliverOrThrottle(d: Turn, index: number, claimed: ClaimedRow | null) {
  try {
    return await deliverOutboundMessage(d.delivery, { id: d.ids[index] ?? 0, claimed, nextId: d.ids[index + 1] ?? null });
  } catch (err) {
    if (!(err instanceof RetryDeliveryError) || err.retryAfterMs === null) {
      // BullMQ retries the job: it keeps only the rows not sent yet.
      await keepOnly(d, d.ids.slice(index)).catch(() => undefined);
      throw err;
    }
    if (err.throttled && err.retryAfterMs <= queuePauseLimitMs) {
      await d.throttle(err.retryAfterMs);
      return 'throttled' as const;
    }
    return waitWithTheRest(d, d.ids.slice(index), err.retryAfterMs, err.message);
  }
}

/** Moves the job, now holding only `rest`, to the delayed set; does not use up an attempt. */
async function waitWithTheRest(d: Turn, rest: number[], delayMs: number, reason: string): Promise<never> {
  await keepOnly(d, rest);
  await d.ctx.job.moveToDelayed(Date.now() + delayMs, d.ctx.token);
  throw new DelayedError(reason);
}

/** The job's data becomes `rest`, the rows not sent yet, first among them the one that waits. */
async function keepOnly(d: Turn, rest: number[]): Promise<void> {
  const [first, ...following] = rest;
  if (first === undefined || rest.length === d.ids.length) return;
  await d.ctx.job.updateData({ outboundMessageId: first, followingIds: following });
}
