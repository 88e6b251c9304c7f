import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertInboundEvents } from '../../db/queries/inbound-events.ts';
import { inboundEvents } from '../../db/schema/index.ts';
import { startSweeper } from '../../workers/sweeper.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { waitFor } from '../helpers/wait-for.ts';

let stack: TestStack;
beforeAll(async () => {
  // No workers: nothing takes jobs, so the queue stays as full as the test makes it.
  stack = await startTestStack({ workers: false, env: { INBOUND_QUEUE_MAX_BACKLOG: '2' } });
});
afterAll(async () => {
  await stack?.close();
});

const minuteAgo = () => new Date(Date.now() - 60_000);
const jobOf = (id: number) => stack.core.queues.byName.inbound.getJob(`inbound-${id}`);
const enqueuedAt = async (ids: number[]) => (await stack.core.db.select({ at: inboundEvents.enqueuedAt }).from(inboundEvents).where(inArray(inboundEvents.id, ids))).map((r) => r.at);

describe('a full inbound queue', () => {
  it('holds new events in Postgres, even against the sweeper, and hands them over once the workers take jobs', async () => {
    const inbound = stack.core.queues.byName.inbound;
    // Two jobs nobody takes: the queue is at its limit.
    await inbound.add('handle-inbound', { inboundEventId: -1 }, { jobId: 'backlog-a' });
    await inbound.add('handle-inbound', { inboundEventId: -2 }, { jobId: 'backlog-b' });
    // A job waiting for its retry is not ready work: it does not count, or failing events would hold up new ones.
    await inbound.add('handle-inbound', { inboundEventId: -3 }, { jobId: 'backlog-retry', delay: 3_600_000 });
    expect(await stack.core.queues.countInboundBacklog()).toBe(2);
    // Stored a minute ago and never handed over: what the sweeper would otherwise re-hand at once.
    const stored = await insertInboundEvents(
      stack.core.dbHandle.pool,
      ['a', 'b', 'c'].map((k) => ({ source: 'oa_webhook', oaId: 'oa', eventName: 'user_send_text', senderId: `backlog-${k}`, dedupeKey: `backlog:${k}`, payload: '{}', status: 'received', lastError: null, receivedAt: minuteAgo() })),
    );
    const ids = stored.map((r) => r.id);
    // A deployment that has been running: Redis still holds its marker, so a sweep is an ordinary one.
    await stack.core.queues.claimMemoryMarker();
    const sweeper = startSweeper(stack.core, { intervalMs: 3_600_000 });
    try {
      await sweeper.sweepNow();
      expect(await Promise.all(ids.map(jobOf))).toEqual([undefined, undefined, undefined]);
      expect(await enqueuedAt(ids)).toEqual([null, null, null]);

      // The workers take the two jobs: the relay notices on its own and hands over two, then the last.
      await inbound.drain();
      await waitFor(async () => (await stack.core.queues.countInboundBacklog()) === 2, { what: 'two events handed over' });
      await inbound.drain();
      await waitFor(async () => (await enqueuedAt(ids)).every((at) => at !== null), { what: 'the last event handed over' });
      expect(await stack.core.queues.countInboundBacklog()).toBe(1);
    } finally {
      await sweeper.stop();
    }
  });
});
