import { DelayedError, Worker } from 'bullmq';
import type { CoreDeps, ZaloDeps } from '../../bot/deps.ts';
import { deliverOutboundMessage, RetryDeliveryError } from '../../bot/domain/outbox/deliver-outbound-message.ts';
import { defineProcessor } from '../define-processor.ts';

export type SendOutboundOptions = { leaseMs: number; maxAttempts: number };

/** Throttling answers shorter than this pause the whole queue; longer waits delay just this job. */
const queuePauseLimitMs = 5_000;

/** Delivers one outbox row. Waiting (its turn, its time) does not use up an attempt. */
export function sendOutboundProcessor(deps: CoreDeps, zalo: ZaloDeps, options: SendOutboundOptions) {
  return defineProcessor('send-outbound', async ({ outboundMessageId }, { job, token, log }) => {
    try {
      const outcome = await deliverOutboundMessage(
        { db: deps.db, transports: zalo.transports, clock: deps.clock, logger: log, ...options },
        outboundMessageId,
      );
      if (outcome.kind === 'defer') {
        await job.moveToDelayed(Date.now() + outcome.delayMs, token);
        throw new DelayedError(`waiting: ${outcome.reason}`);
      }
      return outcome.kind;
    } catch (err) {
      if (!(err instanceof RetryDeliveryError) || err.retryAfterMs === null) throw err;
      if (err.retryAfterMs <= queuePauseLimitMs) {
        // Zalo's rate limit applies to the whole OA: pause the queue, not just this job.
        await deps.queues.byName.outbound.rateLimit(err.retryAfterMs);
        throw Worker.RateLimitError();
      }
      await job.moveToDelayed(Date.now() + err.retryAfterMs, token);
      throw new DelayedError(err.message);
    }
  });
}
