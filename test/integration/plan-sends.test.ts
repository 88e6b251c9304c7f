import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseConfig } from '../../bot/config.ts';
import { createCoreDeps } from '../../bot/deps.ts';
import { addOaAccount } from '../../bot/oas/add-oa-account.ts';
import { handOverOutbox, handOverTurn } from '../../bot/pipeline/hand-over-outbox.ts';
import { insertOutboundMessages } from '../../db/queries/outbound-messages.ts';
import { upsertOrgUnit } from '../../db/queries/org-units.ts';
import { testZalo } from '../../scripts/local/local-zalo-credentials.ts';
import { startTcpProxy } from '../helpers/tcp-proxy.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';

// No workers: the jobs stay in the queue as the hand-over planned them.
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ workers: false });
  const db = stack.core.db;
  for (const [code, oaId, sendRatePerSec] of [['xa-cham', slowOa, 2], ['xa-nhanh', fastOa, 20]] as const) {
    await upsertOrgUnit(db, { code, name: code, kind: 'commune', validFrom: '2025-07-01' });
    await addOaAccount({ db, box: stack.core.secretBox, now: new Date() }, { communeCode: code, oaId, appId: testZalo.appId, appSecret: testZalo.appSecret, oaSecretKey: `${code}-key`, refreshToken: `RT-${code}`, sendRatePerSec, name: code });
  }
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

const slowOa = '4100000000000000001';
const fastOa = '4100000000000000002';
const text = { kind: 'text', text: 'Thông báo của xã' };
let key = 0;
const rowsFor = (oaId: string | null, count: number, channel: 'oa_user' | 'zalo_group' = 'oa_user', recipientId = '8500000000000000001') =>
  insertOutboundMessages(
    stack.core.db,
    Array.from({ length: count }, () => ({ idempotencyKey: `plan-${(key += 1)}`, channel, recipientId, oaId, payload: text })),
  );

async function queuedJob(outboundMessageId: number) {
  const job = await stack.core.queues.byName.outbound.getJob(`outbound-${outboundMessageId}`);
  if (!job) throw new Error(`no job for row ${outboundMessageId}`);
  return { delay: job.opts.delay ?? 0, data: job.data as { oaId?: string; followingIds?: number[] }, state: await job.getState() };
}

describe('the hand-over queues each send job due at its own OA slot', () => {
  it('spaces a backlog at its OA’s rate after a second’s burst, while another OA’s message is due at once', async () => {
    const backlog = await rowsFor(slowOa, 6);
    const [other = 0] = await rowsFor(fastOa, 1);
    await handOverOutbox(stack.core, [...backlog, other], stack.core.logger);

    const jobs = await Promise.all(backlog.map(queuedJob));
    expect(jobs.every((j) => j.data.oaId === slowOa)).toBe(true);
    // 2 a second: the first two at once, then one every 500 ms (each wait counted from the same instant).
    const delays = jobs.map((j) => j.delay);
    expect(delays.slice(0, 2)).toEqual([0, 0]);
    expect(delays[2]).toBeGreaterThan(0);
    for (let i = 3; i < delays.length; i++) expect((delays[i] ?? 0) - (delays[i - 1] ?? 0)).toBe(500);
    expect(jobs.slice(2).every((j) => j.state === 'delayed')).toBe(true);

    const fast = await queuedJob(other);
    expect(fast).toMatchObject({ delay: 0, data: { oaId: fastOa }, state: 'waiting' });
  });

  it('queues a turn (a resident waiting for the answer) due at once, not behind the OA’s planned backlog', async () => {
    const [first = 0, ...rest] = await rowsFor(slowOa, 3);
    await handOverTurn(stack.core, { marked: [], unmarked: [first, ...rest], oaId: slowOa }, stack.core.logger);
    const job = await queuedJob(first);
    // Its OA rides along, so the send step paces it without looking the row up.
    expect(job).toMatchObject({ delay: 0, state: 'waiting', data: { followingIds: rest, oaId: slowOa } });
  });

  it('leaves unpaced a message no OA sends (a group reached through the personal account)', async () => {
    const [zca = 0] = await rowsFor(null, 1, 'zalo_group', 'zca:900');
    await handOverOutbox(stack.core, [zca], stack.core.logger);
    const job = await queuedJob(zca);
    expect(job.delay).toBe(0);
    expect(job.data.oaId).toBeUndefined();
  });
});

describe('a process that has just started', () => {
  it('queues a hand-over made while its Redis connection is still being set up, rather than leaving it to the sweeper', async () => {
    const [row = 0] = await rowsFor(slowOa, 1);
    // Redis answers the new process only after 300 ms, as a busy machine can at start-up.
    const redis = new URL(inject('redisUrl'));
    const proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) }, { handshakeDelayMs: 300 });
    const core = createCoreDeps(parseConfig({ ...stack.env, REDIS_URL: proxy.url('redis') }), { name: 'test', logger: pino({ level: 'silent' }) });
    try {
      await handOverOutbox(core, [row], core.logger);
      expect(await queuedJob(row)).toMatchObject({ data: { oaId: slowOa } });
    } finally {
      await core.close();
      await proxy.close();
    }
  });
});
