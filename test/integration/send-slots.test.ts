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
});
