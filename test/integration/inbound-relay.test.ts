import { inArray } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { systemClock } from '../../bot/clock.ts';
import { defaultRelayOptions, startInboundRelay } from '../../bot/pipeline/inbound-relay.ts';
import type { InboundRelay, InboundRelayOptions } from '../../bot/pipeline/inbound-relay.ts';
import { createQueues } from '../../bot/jobs/queues.ts';
import type { Queues } from '../../bot/jobs/queues.ts';
import { createDb } from '../../db/client.ts';
import type { DbHandle } from '../../db/client.ts';
import { insertInboundEvents } from '../../db/queries/inbound-events.ts';
import type { InboundToStore } from '../../db/queries/inbound-events.ts';
import { inboundEvents } from '../../db/schema/index.ts';
import { startTcpProxy } from '../helpers/tcp-proxy.ts';
import { createTestDatabase, deleteRedisPrefix, uniqueQueuePrefix } from '../helpers/test-services.ts';
import type { TestDatabase } from '../helpers/test-services.ts';
import { waitFor } from '../helpers/wait-for.ts';

const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const anHour = 3_600_000;
let database: TestDatabase;
let handle: DbHandle;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  database = await createTestDatabase(inject('databaseBaseUrl'), inject('templateDatabase'));
  handle = createDb(database.url);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await handle?.close();
  await database?.drop();
});

let seq = 0;
const rows = (n: number, status: InboundToStore['status'] = 'received'): InboundToStore[] =>
  Array.from({ length: n }, () => ({ source: 'oa_webhook', oaId: 'oa', eventName: 'user_send_text', senderId: `sender-${seq % 7}`, dedupeKey: `relay-test:${++seq}`, payload: '{}', status, lastError: null, receivedAt: new Date() }));
const store = async (n: number, status?: InboundToStore['status']) => (await insertInboundEvents(handle.pool, rows(n, status))).map((r) => r.id);

function queuesAt(redisUrl: string, prefix: string): Queues {
  const queues = createQueues({ redisUrl, prefix, retryBaseMs: 1000, logger });
  cleanups.push(() => queues.close());
  return queues;
}

function newPrefix(): string {
  const prefix = uniqueQueuePrefix();
  cleanups.push(() => deleteRedisPrefix(inject('redisUrl'), prefix));
  return prefix;
}

function relay(
  enqueueInboundBatch: (ids: number[]) => Promise<void>,
  options: Partial<InboundRelayOptions>,
  countInboundBacklog: () => Promise<number> = async () => 0,
): InboundRelay {
  const r = startInboundRelay({ db: handle.db, clock: systemClock, enqueueInboundBatch, countInboundBacklog, databaseUrl: database.url, logger }, { ...defaultRelayOptions, ...options });
  cleanups.push(() => r.stop());
  return r;
}

/**
 * A relay woken only by notifications (its interval is an hour), recording each hand-over's ids,
 * after a first pass that found nothing: the gap before the next pass counts from that one's start.
 */
async function notifiedRelayAfterEmptyPass(minGapMs: number): Promise<{ queues: Queues; calls: number[][] }> {
  const queues = queuesAt(inject('redisUrl'), newPrefix());
  const calls: number[][] = [];
  const r = relay(async (ids) => void (calls.push(ids), await queues.enqueueInboundBatch(ids)), { intervalMs: anHour, minGapMs });
  await r.listening;
  await r.passNow();
  return { queues, calls };
}

const jobIdsOf = async (queues: Queues) => (await queues.byName.inbound.getJobs(['waiting', 'prioritized', 'delayed'])).map((j) => j.id).sort();
const enqueuedAt = async (ids: number[]) => (await handle.db.select({ enqueuedAt: inboundEvents.enqueuedAt }).from(inboundEvents).where(inArray(inboundEvents.id, ids))).map((r) => r.enqueuedAt);

describe('the inbound relay', () => {
  it('is woken by the insert: events reach the queue without waiting for its interval', async () => {
    const queues = queuesAt(inject('redisUrl'), newPrefix());
    // The safety net would take an hour: only the notification can bring these jobs.
    const r = relay(queues.enqueueInboundBatch, { intervalMs: anHour });
    await r.listening;
    const [first = 0] = await store(1);
    await waitFor(() => queues.byName.inbound.getJob(`inbound-${first}`), { what: 'the first job' });
    const [ignored = 0] = await store(1, 'ignored');
    const second = await store(2);
    await waitFor(async () => (await jobIdsOf(queues)).length === 3, { what: 'the next two jobs' });
    expect(await jobIdsOf(queues)).toEqual([first, ...second].map((id) => `inbound-${id}`).sort());
    expect(await enqueuedAt([ignored])).toEqual([null]);
  });

  it('hands a burst of inserts over in one pass once the gap since the last pass is over, missing none', async () => {
    const { queues, calls } = await notifiedRelayAfterEmptyPass(2000);
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(...(await store(1)));
    await waitFor(async () => (await jobIdsOf(queues)).length === 5, { what: 'the five jobs' });
    expect(calls).toEqual([ids]);
  });

  it('stops listening while a pass is due, and listens again before it claims: nothing stored meanwhile or after waits', async () => {
    const { queues, calls } = await notifiedRelayAfterEmptyPass(1000);
    // The first insert's notification makes a pass due a second after the last; the next two notify no one.
    const due = [...(await store(1)), ...(await store(1)), ...(await store(1))];
    await waitFor(async () => (await jobIdsOf(queues)).length === 3, { what: 'the three jobs' });
    // Only a notification can bring this one (the interval is an hour): the pass listened again.
    const after = await store(1);
    await waitFor(async () => (await jobIdsOf(queues)).length === 4, { what: 'the job stored after the pass' });
    expect(calls).toEqual([due, after]);
  });

  it('leaves events stored while Redis is away waiting, and queues each once when it is back', async () => {
    const redis = new URL(inject('redisUrl'));
    const proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    cleanups.push(() => proxy.close());
    const prefix = newPrefix();
    const throughProxy = queuesAt(proxy.url('redis'), prefix);
    await throughProxy.ping();
    const r = relay(throughProxy.enqueueInboundBatch, { intervalMs: 100 });
    await r.listening;

    await proxy.stop();
    const ids = await store(3);
    await expect(r.passNow()).rejects.toThrow();
    expect(await enqueuedAt(ids)).toEqual([null, null, null]);
    const direct = queuesAt(inject('redisUrl'), prefix);
    expect(await jobIdsOf(direct)).toEqual([]);

    await proxy.start();
    // The jobs are added inside the claiming transaction: the marks show once it commits.
    await waitFor(async () => (await enqueuedAt(ids)).every((at) => at !== null), { timeoutMs: 20_000, what: 'the events handed over once Redis is back' });
    expect(await jobIdsOf(direct)).toEqual(ids.map((id) => `inbound-${id}`).sort());
  });

  it('lets two relays run at once: each event is claimed and queued by exactly one of them', async () => {
    const prefix = newPrefix();
    const ids = [...(await store(500)), ...(await store(500))];
    const handed: number[][] = [[], []];
    const relays = [0, 1].map((i) => {
      const queues = queuesAt(inject('redisUrl'), prefix);
      return relay(
        async (batch) => {
          handed[i]?.push(...batch);
          // A slower hand-over keeps each claim open longer, so the two relays meet on the same rows.
          await new Promise((r) => setTimeout(r, 5));
          await queues.enqueueInboundBatch(batch);
        },
        { intervalMs: anHour, batchSize: 25 },
      );
    });
    await Promise.all(relays.map((r) => r.passNow()));
    await Promise.all(relays.map((r) => r.passNow()));

    const [a = [], b = []] = handed;
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    expect([...a, ...b].sort((x, y) => x - y)).toEqual(ids);
    expect(await jobIdsOf(queuesAt(inject('redisUrl'), prefix))).toHaveLength(ids.length);
  });

  it('hands nothing more over while the queue holds its limit, and goes on as the workers take jobs', async () => {
    const queues = queuesAt(inject('redisUrl'), newPrefix());
    const handed: number[] = [];
    const r = relay(async (ids) => void (handed.push(...ids), await queues.enqueueInboundBatch(ids)), { intervalMs: anHour, maxBacklog: 4, fullRecheckMs: 50 }, queues.countInboundBacklog);
    await r.listening;
    const ids = await store(10);
    await waitFor(async () => (await jobIdsOf(queues)).length === 4, { what: 'the first four jobs' });
    await r.passNow();
    // The queue is full: the other six wait in Postgres, unmarked.
    expect(handed).toEqual(ids.slice(0, 4));
    expect(await enqueuedAt(ids.slice(4))).toEqual(ids.slice(4).map(() => null));
    // A worker takes the four; without any new insert to wake it, the relay looks again and hands over four more.
    await queues.byName.inbound.drain();
    await waitFor(async () => (await jobIdsOf(queues)).length === 4, { what: 'the next four jobs' });
    await queues.byName.inbound.drain();
    await waitFor(() => handed.length === 10, { what: 'the last two jobs' });
    expect(handed).toEqual(ids);
    expect(await jobIdsOf(queues)).toEqual(ids.slice(8).map((id) => `inbound-${id}`).sort());
  });
});
