import { DelayedError, Worker } from 'bullmq';
import type { Config } from '../../bot/config.ts';
import type { CoreDeps, Transports } from '../../bot/deps.ts';
import { deliverOutboundMessage } from '../../bot/domain/outbox/deliver-outbound-message.ts';
import type { DeliveryDeps } from '../../bot/domain/outbox/deliver-outbound-message.ts';
import { RetryDeliveryError } from '../../bot/domain/outbox/retry-delivery-error.ts';
import { queuePauseLimitMs } from '../../bot/pipeline/send-job.ts';
import { defineProcessor } from '../define-processor.ts';
import type { Logger } from '../../bot/logger.ts';
import { paceSendJob, throttleOa } from '../../bot/pipeline/pace-send-job.ts';
import type { SendPacingDeps } from '../../bot/pipeline/pace-send-job.ts';
import { parkInJob, sendTurn } from '../../bot/pipeline/send-turn.ts';

export type SendOutboundOptions = { leaseMs: number; maxAttempts: number; unverifiedResendAfterMs: number };

/** The same delivery rules in every process that sends. */
export function sendOutboundOptions(config: Config): SendOutboundOptions {
  // A claim outlives any single call to Zalo, so an attempt in flight is never taken for dead.
  return { leaseMs: 2 * config.zaloUrls.httpTimeoutMs, maxAttempts: 12, unverifiedResendAfterMs: config.unverifiedResendAfterMs };
}


export function deliveryDeps(deps: CoreDeps, transports: Transports, options: SendOutboundOptions, log: Logger): DeliveryDeps {
  return { db: deps.db, transports, clock: deps.clock, logger: log, ...options };
}

/** The OA sender: one job is one turn's rows, sent in order within its OA's send rate. */
export function sendOutboundProcessor(deps: CoreDeps, transports: Transports, options: SendOutboundOptions, pacing: SendPacingDeps) {
  return defineProcessor('send-outbound', async (data, ctx) => {
    const ids = [data.outboundMessageId, ...(data.followingIds ?? [])];
    const oaId = await paceSendJob(pacing, data, ids.length, ctx);
    return sendTurn({ deps, delivery: deliveryDeps(deps, transports, options, ctx.log), throttle: (ms) => throttleOa(pacing, oaId, ms), park: parkInJob(ctx, ids) }, ids);
  });
}

/**
 * The groups process's sender for groups reached through the personal account: one row per job,
 * paced by its queue's limiter. Waiting (its time, a group not linked yet) does not use up an
 * attempt; a row only another process can send is handed to that process's queue.
 */
export function sendZcaOutboundProcessor(deps: CoreDeps, transports: Transports, options: SendOutboundOptions) {
  return defineProcessor('send-zca-outbound', async ({ outboundMessageId }, ctx) => {
    const { job, token } = ctx;
    try {
      const { outcome } = await deliverOutboundMessage(deliveryDeps(deps, transports, options, ctx.log), { id: outboundMessageId });
      if (outcome.kind === 'defer') {
        await job.moveToDelayed(Date.now() + outcome.delayMs, token);
        throw new DelayedError(`waiting: ${outcome.reason}`);
      }
      if (outcome.kind === 'handoff') await deps.queues.handOff(outcome.to, outboundMessageId);
      return outcome.kind;
    } catch (err) {
      if (!(err instanceof RetryDeliveryError) || err.retryAfterMs === null) throw err;
      if (err.throttled && err.retryAfterMs <= queuePauseLimitMs) {
        // A throttling answer applies to the whole account: pause the queue, not just this job.
        await deps.queues.byName['zca-outbound'].rateLimit(err.retryAfterMs);
        throw Worker.RateLimitError();
      }
      await job.moveToDelayed(Date.now() + err.retryAfterMs, token);
      throw new DelayedError(err.message);
    }
  });
}
