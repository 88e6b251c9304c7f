import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createQueues } from '../../bot/jobs/queues.ts';
import { deleteRedisPrefix as deleteBenchKeys } from '../../scripts/bench/bench-resources.ts';
import { settledRepliesTo } from '../helpers/outbox.ts';
import { deleteRedisPrefix, runQueuePrefix } from '../helpers/test-services.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { userText } from '../helpers/zalo-events.ts';

/**
 * QUEUE_PREFIX with a Redis Cluster hash tag, against the local (single) Redis: the queues work, and
 * every key the system writes starts with the prefix, so on a cluster they all fall in the tag's
 * slot. `test/integration/redis-cluster.test.ts` (opt-in) runs the same producer against a real three-node cluster.
 */

const logger = pino({ level: 'silent' });
const redisUrl = inject('redisUrl');
const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
afterAll(() => redis.disconnect());

/** A unique piece of the prefix, so every key this test writes can be found by it. */
function uniqueTag(): string {
  return `${runQueuePrefix(inject('runId'))}-${randomUUID().slice(0, 8)}`;
}

async function keysContaining(part: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `*${part}*`, 'COUNT', 1000);
    cursor = next;
    found.push(...keys);
  } while (cursor !== '0');
  return found;
}

describe('a hash-tagged queue prefix', () => {
  it.each([
    ['{tag}', (tag: string) => `{${tag}}`],
    ['name:{tag}', (tag: string) => `${tag}:{p1}`],
  ])('%s: a job added by createQueues is processed by a worker, and the marker and locks live under the prefix', async (_form, make) => {
    const tag = uniqueTag();
    const prefix = make(tag);
    const queues = createQueues({ redisUrl, prefix, retryBaseMs: 100, logger });
    const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const seen: unknown[] = [];
    const worker = new Worker('inbound', async (job) => void seen.push(job.data), { connection, prefix });
    try {
      await queues.enqueueInbound(7);
      await queues.enqueueInboundBatch([8, 9]);
      await waitFor(() => seen.length === 3, { what: 'three jobs processed' });
      expect(seen).toEqual(expect.arrayContaining([{ inboundEventId: 7 }, { inboundEventId: 8 }, { inboundEventId: 9 }]));
      expect(await queues.claimMemoryMarker()).toBe(true);
      expect(await queues.claimMemoryMarker()).toBe(false);
      expect(await queues.whileHolding('schedulers', 5000, async () => {
        expect(await redis.exists(`${prefix}:lock:schedulers`)).toBe(1);
      })).toBe(true);
      const keys = await keysContaining(tag);
      expect(keys).toContain(`${prefix}:memory-marker`);
      expect(keys.filter((k) => k.startsWith(`${prefix}:inbound:`)).length).toBeGreaterThan(0);
      expect(keys.filter((k) => !k.startsWith(`${prefix}:`))).toEqual([]);
    } finally {
      await worker.close();
      connection.disconnect();
      await queues.close();
    }
    // The tests' cleanup and the benches' both find the keys by the prefix, braces and all.
    await deleteRedisPrefix(redisUrl, prefix);
    expect(await keysContaining(tag)).toEqual([]);
  });

  it('the bench cleanup removes a hash-tagged prefix too', async () => {
    const tag = uniqueTag();
    const prefix = `{${tag}}`;
    await redis.set(`${prefix}:inbound:meta`, 'x');
    await redis.set(`${prefix}:outbound:send-budget`, '1');
    expect(await deleteBenchKeys(redisUrl, prefix)).toBe(2);
    expect(await keysContaining(tag)).toEqual([]);
  });

});

describe('the whole system on a hash-tagged prefix', () => {
  const tag = uniqueTag();
  const prefix = `{${tag}}`;
  let stack: TestStack | null = null;
  beforeAll(async () => {
    stack = await startTestStack({ env: { QUEUE_PREFIX: prefix } });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('carries a resident message end to end: webhook, relay, inbound worker, send-rate gate, outbound worker, sweeper', async () => {
    if (!stack) throw new Error('no stack');
    expect(stack.config.queuePrefix).toBe(prefix);
    const userId = '6142494823919228099';
    expect((await stack.postEvent(userText('xin chào', userId))).status).toBe(200);
    expect((await settledRepliesTo(stack, userId)).length).toBeGreaterThan(0);
    await stack.workers?.sweepNow();
    const keys = await keysContaining(tag);
    // The sweeper's marker is there, under the prefix like BullMQ's keys; nothing is outside it.
    expect(keys).toContain(`${prefix}:memory-marker`);
    expect(keys.filter((k) => k.startsWith(`${prefix}:inbound:`)).length).toBeGreaterThan(0);
    expect(keys.filter((k) => !k.startsWith(`${prefix}:`))).toEqual([]);
  });

  it('leaves no key behind when it closes', async () => {
    await stack?.close();
    stack = null;
    expect(await keysContaining(tag)).toEqual([]);
  });
});
