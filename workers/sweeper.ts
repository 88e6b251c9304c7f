import { listInboundEventsToEnqueue, markInboundEnqueued } from '../db/queries/inbound-events.ts';
import { listOutboundToEnqueue, markOutboundEnqueued } from '../db/queries/outbound-messages.ts';
import type { CoreDeps } from '../bot/deps.ts';

const batch = 500;
/** A job handed over longer ago than this may have been lost with Redis's memory. */
const staleAfterMs = 5 * 60_000;
/** Leave fresh rows to the code that just wrote them. */
const graceMs = 3_000;

export type Sweeper = { stop: () => Promise<void>; sweepNow: () => Promise<void> };

/**
 * Re-enqueues what Postgres says is still due: inbound events the relay (bot/pipeline/inbound-relay.ts,
 * which hands over every new event within moments) has not handed over after a few seconds while the
 * inbound queue has room, inbound events whose jobs were lost from Redis, and outbox rows whose jobs
 * never reached (or were lost from) Redis. It runs on a plain timer, not as a BullMQ job, so it
 * keeps working when Redis has forgotten everything. Job ids make a repeat a
 * no-op while a job is waiting or running; a job that already failed for good is replaced, since its
 * row is still open (a row's own attempt cap decides when to give up).
 *
 * Each tick also asks whether Redis still remembers us (see Queues.claimMemoryMarker). When it has
 * come back empty, every open row is re-handed at once, whenever it was handed over before, instead
 * of waiting for the stale-hand-over limit; `onMemoryLost` lets the caller restore job schedulers.
 */
export function startSweeper(deps: CoreDeps, options: { intervalMs: number; onMemoryLost?: () => Promise<void> }): Sweeper {
  let running: Promise<void> | null = null;
  let stopped = false;

  const sweep = async () => {
    const memoryLost = await deps.queues.claimMemoryMarker();
    const counts = memoryLost ? await recoverFromEmptyRedis(deps, options.onMemoryLost) : await rehandOnce(deps, deps.clock.now(), false);
    if (memoryLost) reportEmptyRedis(deps, counts);
    else if (counts.inbound + counts.outbound > 0) deps.logger.info(counts, 'sweeper re-enqueued work');
  };

  const tick = () => {
    if (stopped || running) return;
    running = sweep()
      .catch((err: unknown) => deps.logger.warn({ err }, 'sweep failed; will try again'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs);
  tick();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
    async sweepNow() {
      await running;
      await sweep();
    },
  };
}

type Counts = { inbound: number; outbound: number };

/**
 * Redis held no marker of ours: a first start, or Redis lost its memory (restarted without
 * persistence, flushed). A warning only when open work had to be re-handed; otherwise, as on every
 * first `npm start`, there is nothing for an operator to act on.
 */
function reportEmptyRedis(deps: CoreDeps, counts: Counts): void {
  if (counts.inbound + counts.outbound > 0) deps.logger.warn(counts, 'Redis came back without our jobs: re-handed everything still open');
  else deps.logger.info('Redis holds no jobs of ours (a first start, or Redis was emptied); nothing was waiting');
}

/** One batch of each kind. With `all`, anything handed over before `now` counts as lost. */
async function rehandOnce(deps: CoreDeps, now: Date, all: boolean): Promise<Counts> {
  const staleBefore = all ? now : new Date(now.getTime() - staleAfterMs);
  const receivedBefore = all ? now : new Date(now.getTime() - graceMs);
  // Events never handed over are the relay's to hand over while the queue has room (inbound-backlog-gate.ts).
  const includeUnqueued = all || (await deps.queues.countInboundBacklog()) < deps.config.inboundQueueMaxBacklog;
  const inbound = await listInboundEventsToEnqueue(deps.db, { receivedBefore, staleBefore, limit: batch, includeUnqueued });
  await deps.queues.requeue('inbound', inbound);
  await markInboundEnqueued(deps.db, inbound, now);
  const outbound = await listOutboundToEnqueue(deps.db, { now, staleBefore, graceMs: all ? 0 : graceMs, limit: batch });
  // Planned like any hand-over: a page re-handed after Redis lost its memory comes due at each OA's rate.
  await deps.queues.requeue('outbound', outbound, await deps.planSends(outbound.map((id) => [id])));
  await markOutboundEnqueued(deps.db, outbound, now);
  return { inbound: inbound.length, outbound: outbound.length };
}

/**
 * Restores the schedulers and re-hands every open row. If that fails part way (Redis slow or gone
 * again), the marker is released so the next sweep starts the whole recovery again, instead of
 * leaving the rest to the five-minute stale limit.
 */
async function recoverFromEmptyRedis(deps: CoreDeps, onMemoryLost: (() => Promise<void>) | undefined): Promise<Counts> {
  try {
    await onMemoryLost?.();
    return await rehandEverything(deps);
  } catch (err) {
    await deps.queues.releaseMemoryMarker().catch(() => undefined);
    throw err;
  }
}

/** Pages through every open row; each page is marked as handed over at `now`, so it is not listed again. */
async function rehandEverything(deps: CoreDeps): Promise<Counts> {
  const now = deps.clock.now();
  const total: Counts = { inbound: 0, outbound: 0 };
  for (;;) {
    const page = await rehandOnce(deps, now, true);
    total.inbound += page.inbound;
    total.outbound += page.outbound;
    if (page.inbound < batch && page.outbound < batch) return total;
  }
}
