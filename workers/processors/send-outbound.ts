import { DelayedError, Worker } from 'bullmq';
import type { Config } from '../../bot/config.ts';
import type { CoreDeps, Transports } from '../../bot/deps.ts';
import { deliverOutboundMessage } from '../../bot/domain/outbox/deliver-outbound-message.ts';
import { RetryDeliveryError } from '../../bot/domain/outbox/retry-delivery-error.ts';
import type { QueueName } from '../../bot/jobs/job-contracts.ts';
import { defineProcessor } from '../define-processor.ts';
import type { ProcessorContext } from '../define-processor.ts';

export type SendOutboundOptions = { leaseMs: number; maxAttempts: number; unverifiedResendAfterMs: number };

/** The same delivery rules in every process that sends. */
export function sendOutboundOptions(config: Config): SendOutboundOptions {
  // A claim outlives any single call to Zalo, so an attempt in flight is never taken for dead.
  return { leaseMs: 2 * config.zaloUrls.httpTimeoutMs, maxAttempts: 12, unverifiedResendAfterMs: config.unverifiedResendAfterMs };
}

/** Throttling answers shorter than this pause the whole queue; longer waits delay just this job. */
const queuePauseLimitMs = 5_000;

/**
 * Delivers one outbox row. Waiting (its turn, its time, a group not linked yet) does not use up an
 * attempt; a row only another process can send is handed to that process's queue.
 */
async function deliver(deps: CoreDeps, transports: Transports, options: SendOutboundOptions, queue: QueueName, outboundMessageId: number, ctx: ProcessorContext) {
  const { job, token, log } = ctx;
  try {
    const outcome = await deliverOutboundMessage({ db: deps.db, transports, clock: deps.clock, logger: log, ...options }, outboundMessageId);
    if (outcome.kind === 'defer') {
      await job.moveToDelayed(Date.now() + outcome.delayMs, token);
      throw new DelayedError(`waiting: ${outcome.reason}`);
    }
    if (outcome.kind === 'handoff') {
      await deps.queues.handOff(outcome.to, outboundMessageId);
      log.debug({ to: outcome.to }, 'handed to the process that can send it');
    }
    return outcome.kind;
  } catch (err) {
    if (!(err instanceof RetryDeliveryError) || err.retryAfterMs === null) throw err;
    if (err.throttled && err.retryAfterMs <= queuePauseLimitMs) {
      // A throttling answer applies to the whole account: pause the queue, not just this job.
      await deps.queues.byName[queue].rateLimit(err.retryAfterMs);
      throw Worker.RateLimitError();
    }
    await job.moveToDelayed(Date.now() + err.retryAfterMs, token);
    throw new DelayedError(err.message);
  }
}

export function sendOutboundProcessor(deps: CoreDeps, transports: Transports, options: SendOutboundOptions) {
  return defineProcessor('send-outbound', ({ outboundMessageId }, ctx) => deliver(deps, transports, options, 'outbound', outboundMessageId, ctx));
}

/** The same delivery, run by the groups process for groups reached through the personal account. */
export function sendZcaOutboundProcessor(deps: CoreDeps, transports: Transports, options: SendOutboundOptions) {
  return defineProcessor('send-zca-outbound', ({ outboundMessageId }, ctx) => deliver(deps, transports, options, 'zca-outbound', outboundMessageId, ctx));
}
