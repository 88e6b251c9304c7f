import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createSendRateGate } from '../../workers/send-rate-gate.ts';
import { deleteRedisPrefix, uniqueQueuePrefix } from '../helpers/test-services.ts';

const prefix = uniqueQueuePrefix();
const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
afterAll(async () => {
  await deleteRedisPrefix(inject('redisUrl'), prefix);
  redis.disconnect();
});

const gateKey = (name: string) => `${prefix}:${name}`;

async function timed(work: () => Promise<void>): Promise<number> {
  const started = Date.now();
  await work();
  return Date.now() - started;
}

describe('the send rate gate (messages per second, shared through Redis)', () => {
  it('lets a window’s budget through at once and holds the next message until the window ends', async () => {
    const gate = createSendRateGate(redis, { key: gateKey('budget'), perSecond: 5 });
    expect(await timed(() => gate.take(2))).toBeLessThan(200);
    expect(await timed(() => gate.take(3))).toBeLessThan(200);
    expect(await timed(() => gate.take(1))).toBeGreaterThanOrEqual(500);
  });

  it('counts a turn of several messages, not one job', async () => {
    const gate = createSendRateGate(redis, { key: gateKey('turns'), perSecond: 4 });
    await gate.take(3);
    // Only one message is left in this window: a turn of two waits for the next.
    expect(await timed(() => gate.take(2))).toBeGreaterThanOrEqual(500);
  });

  it('lets a batch larger than the budget go alone in an empty window', async () => {
    const gate = createSendRateGate(redis, { key: gateKey('large'), perSecond: 2 });
    expect(await timed(() => gate.take(3))).toBeLessThan(200);
  });

  it('holds every sender while shut after Zalo said the quota is spent', async () => {
    const gate = createSendRateGate(redis, { key: gateKey('shut'), perSecond: 100 });
    const other = createSendRateGate(redis, { key: gateKey('shut'), perSecond: 100 });
    await gate.shut(700);
    expect(await timed(() => other.take(1))).toBeGreaterThanOrEqual(600);
  });

  it('reserves a tenth of the budget at a time, so a busy process asks Redis once for several jobs', async () => {
    const gate = createSendRateGate(redis, { key: gateKey('reserve'), perSecond: 100 });
    await gate.take(1);
    expect(await redis.get(gateKey('reserve'))).toBe('10');
    for (let i = 0; i < 9; i++) await gate.take(1);
    expect(await redis.get(gateKey('reserve'))).toBe('10');
    await gate.take(1);
    expect(await redis.get(gateKey('reserve'))).toBe('20');
  });

  it('still works after Redis forgot its scripts', async () => {
    await redis.script('FLUSH');
    const gate = createSendRateGate(redis, { key: gateKey('flushed'), perSecond: 5 });
    expect(await timed(() => gate.take(1))).toBeLessThan(200);
  });
});
