import { UnrecoverableError, Worker } from 'bullmq';
import { eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handOverTurn } from '../../bot/pipeline/hand-over-outbox.ts';
import { outboundMessages } from '../../db/schema/index.ts';
import { startWorkers } from '../../workers/start-workers.ts';
import { queueText, settledRepliesTo, settledRow } from '../helpers/outbox.ts';
import { deleteRedisPrefix } from '../helpers/test-services.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { waitFor } from '../helpers/wait-for.ts';

let stack: TestStack;
beforeAll(async () => {
  // With the leaders' schedules on: a Redis wipe must bring them back too.
  stack = await startTestStack({ workers: false, env: { SCHEDULED_SENDS: 'true' } });
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

  it('notices Redis came back empty and re-hands every open row at once, in each resident\'s order', async () => {
    const workers = await startWorkers(stack.core, stack.zalo);
    try {
      await workers.sweepNow();
      const userId = '7700000000000000002';
      // Handed over a moment ago (so not stale), but the jobs are gone: Redis restarted without persistence.
      const ids = [];
      for (const text of ['Chào bạn', 'Bước 1', 'Bước 2']) ids.push(await queueText(stack, userId, text, { enqueue: false }));
      await stack.core.db.update(outboundMessages).set({ enqueuedAt: new Date() }).where(eq(outboundMessages.recipientId, userId));
      await workers.sweepNow();
      expect((await outboxRowsStatus(ids)).every((s) => s === 'pending')).toBe(true);

      await deleteRedisPrefix(stack.config.redisUrl, stack.config.queuePrefix);
      const lostAt = Date.now();
      const arrived = await settledRepliesTo(stack, userId, { atLeast: 3, timeoutMs: 30_000 });
      // Well inside the 30 s bar; the sweep interval (250 ms here, 10 s by default) sets the pace.
      expect(Date.now() - lostAt).toBeLessThan(30_000);
      expect(arrived.map((d) => d.text)).toEqual(['Chào bạn', 'Bước 1', 'Bước 2']);
      // The job schedulers vanished with Redis's memory and are restored. Waited for, not read once:
      // the wipe's SCAN may still be deleting keys a first restore wrote, and the next sweep redoes it.
      const wanted = ['sweep-follow-ups', 'reminders', 'weekly-digest', 'monthly-report'];
      await waitFor(async () => {
        const keys = (await stack.core.queues.byName.maintenance.getJobSchedulers()).map((j) => j.key);
        return wanted.every((k) => keys.includes(k)) || undefined;
      }, { timeoutMs: 30_000, what: 'the job schedulers restored' });
    } finally {
      await workers.close();
    }
  });

  it('when re-handing after Redis came back empty fails part way, the next sweep starts the recovery again', async () => {
    const userId = '7700000000000000009';
    let armed = false;
    let failed = false;
    // Redis answers the marker but times out on the first re-hand (a busy Redis after a restart).
    const queues = {
      ...stack.core.queues,
      async requeue(...[kind, ids, sends]: Parameters<typeof stack.core.queues.requeue>) {
        if (armed && !failed && ids.length > 0) {
          failed = true;
          throw new Error('simulated: Redis did not answer within 2000 ms');
        }
        await stack.core.queues.requeue(kind, ids, sends);
      },
    };
    const workers = await startWorkers({ ...stack.core, queues }, stack.zalo);
    try {
      await workers.sweepNow();
      const ids = [];
      for (const text of ['Tin một', 'Tin hai']) ids.push(await queueText(stack, userId, text, { enqueue: false }));
      // Handed over a moment ago, so only a full recovery (not the stale limit) re-hands them.
      await stack.core.db.update(outboundMessages).set({ enqueuedAt: new Date() }).where(eq(outboundMessages.recipientId, userId));
      armed = true;
      await deleteRedisPrefix(stack.config.redisUrl, stack.config.queuePrefix);
      // The sweeper's own timer finds the empty Redis; its first full re-hand fails.
      await waitFor(() => failed || undefined, { timeoutMs: 30_000, what: 'the failed re-hand' });
      const arrived = await settledRepliesTo(stack, userId, { atLeast: 2, timeoutMs: 30_000 });
      expect(arrived.map((d) => d.text)).toEqual(['Tin một', 'Tin hai']);
    } finally {
      await workers.close();
    }
  });

  it("keeps a resident's order however old the earlier message is (a welcome stuck for an hour still goes first)", async () => {
    await stack.core.queues.claimMemoryMarker();
    const userId = '7700000000000000003';
    const welcome = await queueText(stack, userId, 'Chào bạn, đây là xã', { enqueue: false });
    const anHourAgo = new Date(Date.now() - 3_600_000);
    // Its job was lost in an outage an hour ago and the sweeper has not found it yet.
    await stack.core.db
      .update(outboundMessages)
      .set({ createdAt: anHourAgo, updatedAt: anHourAgo, notBefore: anHourAgo, enqueuedAt: new Date() })
      .where(eq(outboundMessages.id, welcome));
    const workers = await startWorkers(stack.core, stack.zalo);
    try {
      const guide = await queueText(stack, userId, 'Bước 1: mở ứng dụng');
      await new Promise((r) => setTimeout(r, 1500));
      expect(stack.fake.state.delivered.filter((d) => d.to === `user:${userId}`)).toHaveLength(0);
      expect(await outboxRowsStatus([guide])).toEqual(['pending']);

      await stack.core.queues.enqueueOutbound([welcome]);
      const arrived = await settledRepliesTo(stack, userId, { atLeast: 2 });
      expect(arrived.map((d) => d.text)).toEqual(['Chào bạn, đây là xã', 'Bước 1: mở ứng dụng']);
    } finally {
      await workers.close();
    }
  });
});

describe('the sweeper and a hand-over in progress', () => {
  it("leaves rows written a moment ago to the code that wrote them: a turn's hand-over is not pre-empted by a job for its first row", async () => {
    const workers = await startWorkers(stack.core, stack.zalo);
    try {
      const userId = '7700000000000000004';
      // Committed, not handed over yet: the moment between a turn's commit and its hand-over.
      const ids: number[] = [];
      for (const text of ['Một', 'Hai', 'Ba']) ids.push(await queueText(stack, userId, text, { enqueue: false }));
      await workers.sweepNow();
      expect(await stack.core.queues.byName.outbound.getJob(`outbound-${ids[0] ?? 0}`)).toBeUndefined();

      await handOverTurn(stack.core, { marked: [], unmarked: ids }, pino({ level: 'silent' }));
      const arrived = await settledRepliesTo(stack, userId, { atLeast: 3 });
      expect(arrived.map((d) => d.text)).toEqual(['Một', 'Hai', 'Ba']);

      // A row its writer never handed over (it died after the commit) is the sweeper's once it is older.
      const orphan = await queueText(stack, userId, 'Bốn', { enqueue: false });
      await stack.core.db.update(outboundMessages).set({ createdAt: new Date(Date.now() - 60_000) }).where(eq(outboundMessages.id, orphan));
      await workers.sweepNow();
      expect((await settledRow(stack, orphan)).status).toBe('sent');
    } finally {
      await workers.close();
    }
  });
});

async function outboxRowsStatus(ids: number[]) {
  const rows = await stack.core.db.select({ id: outboundMessages.id, status: outboundMessages.status }).from(outboundMessages);
  return rows.filter((r) => ids.includes(r.id)).map((r) => r.status);
}
