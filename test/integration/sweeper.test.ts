import { UnrecoverableError, Worker } from 'bullmq';
import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundMessages } from '../../db/schema/index.ts';
import { startWorkers } from '../../workers/start-workers.ts';
import { queueText, settledRow } from '../helpers/outbox.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { waitFor } from '../helpers/wait-for.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ workers: false });
});
afterAll(async () => {
  await stack?.close();
});

describe('the sweeper', () => {
  it('re-enqueues an outbox row whose job failed for good, replacing the stale job, and the row is delivered', async () => {
    const id = await queueText(stack, '7700000000000000001', 'Tin nhắn không được kẹt');
    // A job for this row ends in "failed" (e.g. its retries ran out while Zalo was down).
    const connection = new Redis(stack.config.redisUrl, { maxRetriesPerRequest: null });
    const failing = new Worker('outbound', async () => {
      throw new UnrecoverableError('simulated: retries exhausted');
    }, { connection, prefix: stack.config.queuePrefix });
    await waitFor(async () => (await stack.core.queues.byName.outbound.getJob(`outbound-${id}`))?.isFailed(), { what: 'the job to fail' });
    await failing.close();
    connection.disconnect();

    // A plain enqueue is a no-op while the failed job exists: that is what left rows stuck.
    await stack.core.queues.enqueueOutbound([id]);
    expect(await (await stack.core.queues.byName.outbound.getJob(`outbound-${id}`))?.isFailed()).toBe(true);

    await stack.core.db.update(outboundMessages).set({ enqueuedAt: new Date(Date.now() - 10 * 60_000) }).where(eq(outboundMessages.id, id));
    const workers = await startWorkers(stack.core, stack.zalo);
    try {
      await workers.sweepNow();
      const row = await settledRow(stack, id);
      expect(row.status).toBe('sent');
      expect(stack.fake.state.delivered.filter((d) => d.to === 'user:7700000000000000001')).toHaveLength(1);
    } finally {
      await workers.close();
    }
  });
});
