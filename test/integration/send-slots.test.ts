import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createSendSlots } from '../../bot/pipeline/send-slots.ts';
import { deleteRedisPrefix, uniqueQueuePrefix } from '../helpers/test-services.ts';

const prefix = uniqueQueuePrefix();
const connections = [new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 }), new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 })];
afterAll(async () => {
  await deleteRedisPrefix(inject('redisUrl'), prefix);
  for (const c of connections) c.disconnect();
});

// Two processes' views of the same schedules (each its own Redis connection).
const [one, two] = connections.map((c) => createSendSlots(c, { keyPrefix: prefix }));
if (!one || !two) throw new Error('two connections expected');

// Waits are computed by Redis from its own clock; time passing between calls only shortens them,
// so each bound below holds however slow the machine is.
describe('send slots: each OA paced at its own rate, shared by every process', () => {
  it('lets a quiet OA send a second of its rate at once, then spaces the rest at its rate', async () => {
    expect(await one.reserve('oa-burst', 10, 10)).toBe(0);
    const next = await one.reserve('oa-burst', 10, 1);
    expect(next).toBeGreaterThan(0);
    expect(next).toBeLessThanOrEqual(100);
    const later = await two.reserve('oa-burst', 10, 5);
    expect(later).toBeGreaterThan(next);
    expect(later).toBeLessThanOrEqual(600);
  });

  it('never makes one OA wait behind another OA’s backlog', async () => {
    expect(await one.reserve('oa-busy', 5, 500)).toBeGreaterThan(90_000);
    expect(await two.reserve('oa-quiet', 5, 1)).toBe(0);
  });

  it('spreads a backlog reserved from two processes at exactly the rate', async () => {
    let last = 0;
    for (let i = 0; i < 60; i++) last = await (i % 2 === 0 ? one : two).reserve('oa-shared', 30, 1);
    // 60 messages at 30 a second end two seconds out; the first second's worth goes at once.
    expect(last).toBeGreaterThan(800);
    expect(last).toBeLessThanOrEqual(1000);
  });

  it('holds an OA that Zalo throttled for the time asked, and only that OA', async () => {
    await one.shut('oa-throttled', 3000);
    const wait = await two.reserve('oa-throttled', 100, 1);
    expect(wait).toBeGreaterThan(2500);
    expect(wait).toBeLessThanOrEqual(3010);
    expect(await two.reserve('oa-free', 100, 1)).toBe(0);
  });

  it('reserves several jobs of one OA in one call, each waiting as if reserved one after another', async () => {
    // 10 a second: a second's worth at once, then 100 ms apart; a job waits for its last message.
    const waits = await one.reserveEach('oa-each', 10, [4, 6, 1, 2, 1]);
    expect(waits.slice(0, 2)).toEqual([0, 0]);
    const [third = 0, fourth = 0, fifth = 0] = waits.slice(2);
    expect(third).toBeGreaterThan(0);
    expect(third).toBeLessThanOrEqual(100);
    expect(fourth - third).toBe(200);
    expect(fifth - fourth).toBe(100);
    // The next reservation continues the same schedule.
    const next = await two.reserve('oa-each', 10, 1);
    expect(next).toBeGreaterThan(fifth);
    expect(next).toBeLessThanOrEqual(fifth + 100);
  });

  it('keeps the planned ledger apart from the sent one: planning a backlog does not use up the slots sends check', async () => {
    const planned = createSendSlots(connections[0] as Redis, { keyPrefix: prefix, ledger: 'planned' });
    const waits = await planned.reserveEach('oa-ledgers', 5, Array.from({ length: 50 }, () => 1));
    expect(waits.at(-1)).toBeGreaterThan(8000);
    expect(await one.reserve('oa-ledgers', 5, 1)).toBe(0);
  });
});
