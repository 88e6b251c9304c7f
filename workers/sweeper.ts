import { listInboundEventsToEnqueue, markInboundEnqueued } from '../db/queries/inbound-events.ts';
import { listOutboundToEnqueue, markOutboundEnqueued } from '../db/queries/outbound-messages.ts';
import type { CoreDeps } from '../bot/deps.ts';

const batch = 500;
/** A job handed over longer ago than this may have been lost with Redis's memory. */
const staleAfterMs = 5 * 60_000;
/** Leave fresh rows to the code that just wrote them. */
const graceMs = 3_000;

/**
 * Re-enqueues what Postgres says is still due: inbound events stored while Redis was away, and
 * outbox rows whose jobs never reached (or were lost from) Redis. It runs on a plain timer, not as
 * a BullMQ job, so it keeps working when Redis has forgotten everything. Job ids make a repeat a
 * no-op while a job is waiting or running; a job that already failed for good is replaced, since its
 * row is still open (a row's own attempt cap decides when to give up).
 */
export function startSweeper(deps: CoreDeps, intervalMs: number): { stop: () => Promise<void>; sweepNow: () => Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;

  const sweep = async () => {
    const now = deps.clock.now();
    const staleBefore = new Date(now.getTime() - staleAfterMs);
    const inbound = await listInboundEventsToEnqueue(deps.db, { receivedBefore: new Date(now.getTime() - graceMs), staleBefore, limit: batch });
    await deps.queues.requeue('inbound', inbound);
    await markInboundEnqueued(deps.db, inbound, now);
    const outbound = await listOutboundToEnqueue(deps.db, { now, staleBefore, limit: batch });
    await deps.queues.requeue('outbound', outbound);
    await markOutboundEnqueued(deps.db, outbound, now);
    if (inbound.length + outbound.length > 0) deps.logger.info({ inbound: inbound.length, outbound: outbound.length }, 'sweeper re-enqueued work');
  };

  const tick = () => {
    if (stopped || running) return;
    running = sweep()
      .catch((err: unknown) => deps.logger.warn({ err }, 'sweep failed; will try again'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
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
