import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { Queue } from 'bullmq';
import type { JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Cluster } from 'ioredis';
import { jobIds } from './job-contracts.ts';
import type { QueueName } from './job-contracts.ts';
import type { HandoffQueue } from '../domain/outbox/message-transport.ts';
import type { Logger } from '../logger.ts';
import { connectRedis } from './redis-connection.ts';
import type { RedisClient } from './redis-connection.ts';
import type { PlannedSend } from '../pipeline/plan-sends.ts';

export type Queues = {
  byName: Record<QueueName, Queue>;
  /** Throws QueueUnavailableError at once when Redis is away, instead of waiting for it. */
  enqueueInbound: (inboundEventId: number) => Promise<void>;
  /** Many at once, in one round trip (the relay's hand-over); same job ids as enqueueInbound. */
  enqueueInboundBatch: (inboundEventIds: number[]) => Promise<void>;
  /**
   * Inbound jobs ready for a worker that none has taken yet (waiting, prioritized). Jobs waiting for
   * a retry (delayed) are not counted: events failing again and again must not stop new ones.
   */
  countInboundBacklog: () => Promise<number>;
  /** One send job per row, due at once (tests, benches); the hand-over plans them (enqueueSends). */
  enqueueOutbound: (outboundMessageIds: number[]) => Promise<void>;
  /** Send jobs as planned (bot/pipeline/plan-sends.ts), in one round trip; a job's id is its first row's. */
  enqueueSends: (sends: PlannedSend[]) => Promise<void>;
  /**
   * For the sweeper: enqueue again, replacing a job that already finished or failed under the same
   * id (its row is still open in Postgres, so that job is stale), which a plain add would skip.
   * Outbound rows take their plan from `sends` when given (one row each, same order as `ids`).
   */
  requeue: (kind: 'inbound' | 'outbound', ids: number[], sends?: PlannedSend[]) => Promise<void>;
  /** Passes an outbox row to the process that can send it (see delivery's Readiness). */
  handOff: (queue: HandoffQueue, outboundMessageId: number) => Promise<void>;
  /**
   * Sets a marker key in Redis if it is missing and says whether it was: true on the first start and
   * whenever Redis came back empty (restart without persistence, flush), which means every job it
   * held is gone. Only one process gets true for one loss, since SET NX is atomic.
   */
  claimMemoryMarker: () => Promise<boolean>;
  /** Forgets the claim, so the next sweep sees Redis as empty again and re-hands everything. */
  releaseMemoryMarker: () => Promise<void>;
  /**
   * Runs `work` only if no other process holds the lock `name` (SET NX with an expiry, released
   * after); returns false when another process has it. BullMQ's scheduler upserts race when several
   * processes run them at once, so they are made by one process at a time.
   */
  whileHolding: (name: string, ttlMs: number, work: () => Promise<void>) => Promise<boolean>;
  /** Answers when Redis does; used by /readyz. */
  ping: () => Promise<void>;
  /** The producers' connection (fails fast while Redis is away), for keys of ours beside the queues. */
  connection: RedisClient;
  /**
   * Runs a command of ours on `connection` under the same rules as the queues' own: while the
   * connection is still being set up (a process just started) it waits for it, briefly; when Redis
   * is away it throws QueueUnavailableError at once; an answer that does not come in time is an
   * error too. The connection queues nothing offline, so a command sent on it directly during those
   * first milliseconds fails.
   */
  whenConnected: <T>(op: () => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
};

export class QueueUnavailableError extends Error {
  override name = 'QueueUnavailableError';
}

/** Retries for the work Postgres already holds safely; backoff grows from `retryBaseMs`. */
export function defaultJobOptions(retryBaseMs: number): JobsOptions {
  return {
    attempts: 8,
    backoff: { type: 'exponential', delay: retryBaseMs },
    // Completed jobs are dropped: Postgres is the record, and a dropped id can be enqueued again.
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
  };
}

const enqueueTimeoutMs = 2000;
/** At start-up (a refused connection ends the wait at once; this bounds an unanswering one). */
const startupWaitMs = 1000;

export type QueuesOptions = {
  redisUrl: string;
  /** REDIS_CLUSTER_NODES: a Redis Cluster instead of the one Redis at `redisUrl`. */
  redisClusterNodes?: { host: string; port: number }[] | null;
  /**
   * QUEUE_PREFIX: every key of the queues and of the marker and locks below starts with it. With a
   * hash tag (`{cdt}`, `cdt:{p1}`) all of them hash to one Redis Cluster slot, which BullMQ's
   * multi-key scripts need there; the keys built here are `<prefix>:…`, so they share that slot.
   */
  prefix: string;
  retryBaseMs: number;
  logger: Logger;
  /**
   * A connection made by the caller instead of one to `redisUrl`, e.g. an ioredis Cluster client
   * (test/integration/redis-cluster.test.ts); it should not queue commands while offline. Closed with the queues.
   */
  connection?: Redis | Cluster;
};

/** `<prefix>:<name>`: a key of ours beside BullMQ's, in the same hash slot when the prefix has a tag. */
export function queueKey(prefix: string, name: string): string {
  return `${prefix}:${name}`;
}

/**
 * Producer side of the queues. An enqueue fails fast when Redis is not connected, so a webhook can
 * still answer within Zalo's ~2 s and leave the event to the sweeper, instead of hanging on Redis.
 */
export function createQueues(opts: QueuesOptions): Queues {
  const connection =
    opts.connection ?? connectRedis({ redisUrl: opts.redisUrl, redisClusterNodes: opts.redisClusterNodes ?? null }, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 });
  // Without a listener ioredis reports every reconnect failure as an unhandled error.
  connection.on('error', () => {});
  let lastWarning = 0;
  const make = (name: QueueName) => {
    const queue = new Queue(name, { connection, prefix: opts.prefix, defaultJobOptions: defaultJobOptions(opts.retryBaseMs) });
    queue.on('error', (err) => {
      // One line every 30 s is enough to see an outage without flooding the log.
      if (Date.now() - lastWarning < 30_000) return;
      lastWarning = Date.now();
      opts.logger.warn({ err: err.message }, 'Redis unavailable for the queues');
    });
    return queue;
  };
  const byName: Record<QueueName, Queue> = {
    inbound: make('inbound'),
    outbound: make('outbound'),
    maintenance: make('maintenance'),
    'zca-outbound': make('zca-outbound'),
  };

  // A connection that has never been ready is still starting up: worth a short wait. One that was
  // ready and no longer is, is an outage: fail at once.
  let everReady = false;
  connection.once('ready', () => (everReady = true));
  const whenConnected = async <T>(op: () => Promise<T>): Promise<T> => {
    if (connection.status !== 'ready' && !everReady) await withTimeout(once(connection, 'ready'), startupWaitMs).catch(() => undefined);
    if (connection.status !== 'ready') throw new QueueUnavailableError(`Redis is ${connection.status}`);
    return withTimeout(op(), enqueueTimeoutMs);
  };

  async function enqueueSends(sends: PlannedSend[]) {
    if (sends.length === 0) return;
    await whenConnected(() => byName.outbound.addBulk(sends.map(sendJob)));
  }

  return {
    byName,
    connection,
    whenConnected,
    async enqueueInbound(inboundEventId) {
      await whenConnected(() => byName.inbound.add('handle-inbound', { inboundEventId }, { jobId: jobIds['handle-inbound']({ inboundEventId }) }));
    },
    async enqueueInboundBatch(ids) {
      if (ids.length === 0) return;
      await whenConnected(() =>
        byName.inbound.addBulk(ids.map((inboundEventId) => ({ name: 'handle-inbound', data: { inboundEventId }, opts: { jobId: jobIds['handle-inbound']({ inboundEventId }) } }))),
      );
    },
    async countInboundBacklog() {
      let count = 0;
      await whenConnected(async () => (count = await byName.inbound.getJobCountByTypes('wait', 'prioritized')));
      return count;
    },
    enqueueOutbound: (ids) => enqueueSends(ids.map((id) => ({ ids: [id], oaId: null, delayMs: 0 }))),
    enqueueSends,
    async requeue(kind, ids, sends) {
      const queue = byName[kind];
      const planOf = new Map((sends ?? []).map((s) => [s.ids[0], s]));
      // One time limit per row, not one for the whole page: 500 rows re-handed after Redis lost its
      // memory take longer than one enqueue may, and a busy Redis is slow, not gone.
      for (const id of ids) {
        await whenConnected(async () => {
          const job =
            kind === 'inbound'
              ? { name: 'handle-inbound', data: { inboundEventId: id }, opts: { jobId: jobIds['handle-inbound']({ inboundEventId: id }) } }
              : sendJob(planOf.get(id) ?? { ids: [id], oaId: null, delayMs: 0 });
          const existing = await queue.getJob(job.opts.jobId);
          if (existing && ((await existing.isFailed()) || (await existing.isCompleted()))) await existing.remove();
          await queue.add(job.name, job.data, job.opts);
        });
      }
    },
    async handOff(queue, outboundMessageId) {
      const job = queue === 'outbound' ? 'send-outbound' : 'send-zca-outbound';
      await whenConnected(() => byName[queue].add(job, { outboundMessageId }, { jobId: jobIds[job]({ outboundMessageId }) }));
    },
    async claimMemoryMarker() {
      let created = false;
      await whenConnected(async () => {
        created = (await connection.set(queueKey(opts.prefix, 'memory-marker'), new Date().toISOString(), 'NX')) === 'OK';
      });
      return created;
    },
    async releaseMemoryMarker() {
      await whenConnected(() => connection.del(queueKey(opts.prefix, 'memory-marker')));
    },
    async whileHolding(name, ttlMs, work) {
      const key = queueKey(opts.prefix, `lock:${name}`);
      const token = randomUUID();
      let held = false;
      await whenConnected(async () => {
        held = (await connection.set(key, token, 'PX', ttlMs, 'NX')) === 'OK';
      });
      if (!held) return false;
      try {
        await work();
      } finally {
        // Only our own lock is released, not one taken after ours expired.
        await connection.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0", 1, key, token).catch(() => undefined);
      }
      return true;
    },
    async ping() {
      await whenConnected(() => connection.ping());
    },
    async close() {
      await Promise.all(Object.values(byName).map((q) => q.close().catch(() => undefined)));
      connection.disconnect();
    },
  };
}

/** A planned send as a BullMQ job: the rows in order, the OA that sends them (saves the send step a query), due after its delay. */
function sendJob(send: PlannedSend) {
  const [first = 0, ...following] = send.ids;
  const data = {
    outboundMessageId: first,
    ...(following.length > 0 ? { followingIds: following } : {}),
    ...(send.oaId ? { oaId: send.oaId } : {}),
    ...(send.slotAt !== undefined ? { slotAt: send.slotAt } : {}),
  };
  return { name: 'send-outbound', data, opts: { jobId: jobIds['send-outbound']({ outboundMessageId: first }), ...(send.delayMs > 0 ? { delay: send.delayMs } : {}) } };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new QueueUnavailableError(`Redis did not answer within ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}
