import { Queue, Worker } from 'bullmq';
import { Cluster } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../bot/config.ts';
import { createQueues } from '../../bot/jobs/queues.ts';
import { connectRedis } from '../../bot/jobs/redis-connection.ts';
import { createSendSlots } from '../../bot/pipeline/send-slots.ts';
import { startLocalRedisCluster } from '../helpers/redis-cluster.ts';
import type { LocalRedisCluster } from '../helpers/redis-cluster.ts';
import { waitFor } from '../helpers/wait-for.ts';

/**
 * Opt-in (`TEST_REDIS_CLUSTER=1`, needs `redis-server` and `redis-cli` on the PATH): starts a real
 * three-master Redis Cluster on spare ports and shows that the queues work there with a hash-tagged
 * QUEUE_PREFIX, that they do not without one, and that each prefix's queue family sits on one shard.
 *
 *   TEST_REDIS_CLUSTER=1 npx vitest run test/integration/redis-cluster.test.ts
 */

const logger = pino({ level: 'silent' });
let cluster: LocalRedisCluster;
const clients: Cluster[] = [];

/** Producers fail fast like createQueues' own connection; workers (blocking) retry forever, as BullMQ asks. */
function connect(kind: 'producer' | 'worker'): Cluster {
  const client = new Cluster(cluster.nodes, {
    enableOfflineQueue: kind === 'worker',
    redisOptions: { maxRetriesPerRequest: kind === 'worker' ? null : 1 },
  });
  client.on('error', () => {});
  clients.push(client);
  return client;
}

/** Every key under `prefix` on every master, with the slot and node it is on. */
async function keysOf(client: Cluster, prefix: string): Promise<{ key: string; slot: number; node: string }[]> {
  const found: { key: string; slot: number; node: string }[] = [];
  for (const node of client.nodes('master')) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) found.push({ key, slot: Number(await node.cluster('KEYSLOT', key)), node: `${node.options.host}:${node.options.port}` });
    } while (cursor !== '0');
  }
  return found;
}

describe.skipIf(process.env.TEST_REDIS_CLUSTER !== '1')('the queues on a real Redis Cluster', () => {
  beforeAll(async () => {
    cluster = await startLocalRedisCluster(3);
  }, 60_000);
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await cluster?.close();
  });

  it("carries jobs with a hash-tagged prefix through the project's producer, a worker and a pacing script, every key in one slot", async () => {
    const prefix = '{cdt}';
    const queues = createQueues({ redisUrl: 'redis://unused', prefix, retryBaseMs: 100, logger, connection: connect('producer') });
    const workerConnection = connect('worker');
    const seen: unknown[] = [];
    const workers = (['inbound', 'outbound'] as const).map((name) => new Worker(name, async (job) => void seen.push(job.data), { connection: workerConnection, prefix }));
    try {
      await queues.enqueueInbound(1);
      await queues.enqueueInboundBatch([2, 3]);
      await queues.enqueueOutbound([4, 5]);
      await queues.handOff('outbound', 6);
      await waitFor(() => seen.length === 6, { what: 'six jobs processed', timeoutMs: 20_000 });
      await queues.requeue('inbound', [1]);
      await waitFor(() => seen.length === 7, { what: 'the requeued job processed' });
      expect(await queues.claimMemoryMarker()).toBe(true);
      expect(await queues.claimMemoryMarker()).toBe(false);
      expect(await queues.whileHolding('schedulers', 5000, async () => {})).toBe(true);
      // The workers' send pacing is a one-key Lua script on `<prefix>:outbound:…` (Redis's clock, GET, SET PX):
      // the same shape here, as the pacing module may change while its key scheme stays.
      const paceKey = `${prefix}:outbound:send-slots:oa-1`;
      const pace = "local t = redis.call('TIME') redis.call('SET', KEYS[1], t[1], 'PX', ARGV[1]) return redis.call('GET', KEYS[1])";
      expect(await workerConnection.eval(pace, 1, paceKey, 60_000)).toMatch(/^\d+$/);
      const keys = await keysOf(workerConnection, prefix);
      expect(keys.map((k) => k.key)).toEqual(expect.arrayContaining([`${prefix}:memory-marker`, paceKey, `${prefix}:inbound:meta`]));
      expect(new Set(keys.map((k) => k.slot)).size).toBe(1);
      expect(new Set(keys.map((k) => k.node)).size).toBe(1);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
      await queues.close();
    }
  }, 40_000);

  it('connects from the configuration alone (REDIS_CLUSTER_NODES): queues, a worker and the per-OA send slots', async () => {
    const config = parseConfig({ REDIS_CLUSTER_NODES: cluster.nodes.map((n) => `${n.host}:${n.port}`).join(','), QUEUE_PREFIX: '{from-config}' });
    const queues = createQueues({ redisUrl: config.redisUrl, redisClusterNodes: config.redisClusterNodes, prefix: config.queuePrefix, retryBaseMs: 100, logger });
    const workerConnection = connectRedis(config, { maxRetriesPerRequest: null });
    workerConnection.on('error', () => {});
    const seen: unknown[] = [];
    const worker = new Worker('outbound', async (job) => void seen.push(job.data), { connection: workerConnection, prefix: config.queuePrefix });
    try {
      await queues.enqueueOutbound([41, 42]);
      await waitFor(() => seen.length === 2, { what: 'two jobs processed', timeoutMs: 20_000 });
      const slots = createSendSlots(workerConnection, { keyPrefix: config.queuePrefix });
      expect(await slots.reserve('4000000000000000001', 10, 1)).toBe(0);
    } finally {
      await worker.close();
      await queues.close();
      workerConnection.disconnect();
    }
  }, 40_000);

  it('refuses a job when the prefix has no hash tag: the queue keys span slots (CROSSSLOT)', async () => {
    const queue = new Queue('inbound', { connection: connect('worker'), prefix: 'cdt-plain' });
    try {
      await expect(queue.add('handle-inbound', { inboundEventId: 1 })).rejects.toThrow(/CROSSSLOT/);
    } finally {
      await queue.close();
    }
  });

  it('puts each prefix (one queue family) on one shard, and different prefixes on different shards', async () => {
    const prefixes = Array.from({ length: 8 }, (_, i) => `cdt:{tinh-${i + 1}}`);
    const producer = connect('producer');
    const nodeOf = new Map<string, string>();
    for (const prefix of prefixes) {
      const queues = createQueues({ redisUrl: 'redis://unused', prefix, retryBaseMs: 100, logger, connection: connect('producer') });
      try {
        await queues.enqueueInbound(1);
        await queues.enqueueOutbound([1]);
      } finally {
        await queues.close();
      }
      const keys = await keysOf(producer, prefix);
      expect(keys.length).toBeGreaterThan(0);
      expect(new Set(keys.map((k) => k.node)).size).toBe(1);
      nodeOf.set(prefix, keys[0]?.node ?? '');
    }
    expect(new Set(nodeOf.values()).size).toBeGreaterThan(1);
  });
});
