import { DelayedError } from 'bullmq';
import type { CoreDeps } from '../deps.ts';
import { deliverOutboundMessage } from '../domain/outbox/deliver-outbound-message.ts';
import type { DeliveryDeps, DeliveryOutcome } from '../domain/outbox/deliver-outbound-message.ts';
import type { ClaimedRow } from '../domain/outbox/quick-claim.ts';
import { RetryDeliveryError } from '../domain/outbox/retry-delivery-error.ts';
import { queuePauseLimitMs } from './send-job.ts';
import type { SendJob } from './send-job.ts';

/**
 * Where a turn's rows not sent yet go when they cannot go now. Neither returns: each ends the
 * attempt with an error its caller knows (the queue job's own, or send-turn-now's).
 */
export type TurnParking = {
  /** `rest` waits `delayMs` (a row's own wait, or a retry Zalo asked for), in this order. */
  wait: (rest: number[], delayMs: number, reason: string) => Promise<never>;
  /** An attempt failed in a way only a retry can settle; `rest` is what the retry sends. */
  retry: (rest: number[], err: unknown) => Promise<never>;
};

/** `throttle`: Zalo answered "too many" for a short while; holds every sender of the OA, then resolves. */
export type SendTurnDeps = { deps: CoreDeps; delivery: DeliveryDeps; throttle: (ms: number) => Promise<void>; park: TurnParking };
type Turn = SendTurnDeps & { ids: number[] };

/**
 * Sends one turn's rows in order. Each row keeps its own guarantees (claimed before the call, at
 * most once, reconciled when in doubt); between rows, the statement recording one as sent claims
 * the next. When a row must wait or be retried, the rows not sent yet are parked together (in the
 * send job, or handed to the queue as one), so the order holds. Returns what happened to each row.
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
    if (outcome.kind === 'defer') await d.park.wait(ids.slice(i), outcome.delayMs, `waiting: ${outcome.reason}`);
    if (outcome.kind === 'handoff') {
      await d.deps.queues.handOff(outcome.to, ids[i] ?? 0);
      d.delivery.logger.debug({ to: outcome.to }, 'handed to the process that can send it');
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
    if (!(err instanceof RetryDeliveryError) || err.retryAfterMs === null) return d.park.retry(d.ids.slice(index), err);
    if (err.throttled && err.retryAfterMs <= queuePauseLimitMs) {
      await d.throttle(err.retryAfterMs);
      return 'throttled' as const;
    }
    return d.park.wait(d.ids.slice(index), err.retryAfterMs, err.message);
  }
}

/**
 * A send job's parking: the job keeps only the rows not sent yet and either moves to the delayed
 * set (not using up an attempt) or fails, so that BullMQ retries it.
 */
export function parkInJob(ctx: SendJob, ids: number[]): TurnParking {
  const keepOnly = async (rest: number[]) => {
    const [first, ...following] = rest;
    if (first === undefined || rest.length === ids.length) return;
    await ctx.job.updateData({ outboundMessageId: first, followingIds: following });
  };
  return {
    async wait(rest, delayMs, reason) {
      await keepOnly(rest);
      await ctx.job.moveToDelayed(Date.now() + delayMs, ctx.token);
      throw new DelayedError(reason);
    },
    async retry(rest, err) {
      await keepOnly(rest).catch(() => undefined);
      throw err;
    },
  };
}
