import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { computeEventMac } from '../../bot/zalo/verify-signature.ts';
import { createDb } from '../../db/client.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { startFakeZalo } from '../local/zalo-stand-in/fake-zalo.ts';
import type { FakeZalo } from '../local/zalo-stand-in/fake-zalo.ts';
import { testZalo, zaloEnv } from '../local/local-zalo-credentials.ts';
import { freePort, launchChild } from './bench-process.ts';
import type { BenchChild } from './bench-process.ts';
import { withBenchPlace } from './bench-resources.ts';
import { percentiles, waitUntil } from './bench-stats.ts';

const concurrency = 50;

/**
 * The message path under load, run the way production runs it: the bot and the workers are their
 * own processes (started from bot/main.ts and workers/main.ts), Zalo is the local stand-in, and this
 * process only generates load. Three numbers:
 *  1. webhook acknowledgement with 50 deliveries in flight, the bot alone (Zalo wants an answer
 *     within ~2 s);
 *  2. throughput once the workers start on that backlog, with the outbound rate limit lifted, so the
 *     number is the pipeline's capacity rather than the limit's;
 *  3. how long a resident waits: webhook call to the stand-in receiving the guide's first step.
 * Kept until webhook-bench.ts and e2e-bench.ts replace it (index.ts decides).
 */
export async function pipelineBench(options: { quick: boolean }): Promise<Record<string, unknown>> {
  const deliveries = options.quick ? 300 : 1000;
  const residents = options.quick ? 30 : 100;
  return withBenchPlace('pipeline', async (place) => {
    const seed = createDb(place.databaseUrl);
    const fake = await startFakeZalo({ ...testZalo });
    const children: BenchChild[] = [];
    try {
      await seedDemoCommune(seed.db);
      const port = await freePort();
      const env = { ...process.env, ...zaloEnv(fake.url), DATABASE_URL: place.databaseUrl, REDIS_URL: place.redisUrl, QUEUE_PREFIX: place.queuePrefix, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', OUTBOUND_RATE_PER_SEC: '1000', SCHEDULED_SENDS: 'false' };
      const post = (userId: string, text: string) => postEvent(`http://127.0.0.1:${port}/webhooks/zalo`, userId, text);
      const count = async (query: SQL) => Number((await seed.db.execute<{ n: number }>(query)).rows[0]?.n ?? 0);
      children.push(launchChild('bot', 'bot/main.ts', env));
      await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok === true, 30_000, 'the bot to start');
      const webhookAck = await acknowledge(post, deliveries);
      const drainStart = performance.now();
      children.push(launchChild('workers', 'workers/main.ts', env));
      const settled = async () =>
        (await count(sql`select count(*)::int as n from inbound_events where status = 'received'`)) === 0 && (await count(sql`select count(*)::int as n from outbound_messages where status <> 'sent'`)) === 0;
      await waitUntil(settled, 300_000, 'the backlog to drain');
      const drainSeconds = (performance.now() - drainStart) / 1000;
      const sent = await count(sql`select count(*)::int as n from outbound_messages`);
      return {
        processes: 'bot and workers as separate processes; load generator and Zalo stand-in in a third',
        webhook_ack: { ...webhookAck, target: 'p99 < 2000 ms' },
        backlog_drain: { inbound: deliveries, outbound_sent: sent, seconds: Number(drainSeconds.toFixed(1)), inbound_per_s: Math.round(deliveries / drainSeconds), note: 'includes worker start-up and the OA token refresh' },
        time_to_answer: { residents, sequential: true, ...(await timeToAnswer(post, fake, residents)), target: 'p95 < 1000 ms' },
      };
    } finally {
      for (const child of children.reverse()) await child.stop();
      await seed.close();
      await fake.close();
    }
  });
}

type Post = (userId: string, text: string) => Promise<{ status: number; ms: number }>;

/** Acknowledgement, bot alone: the events are stored and queued, nobody works them yet. */
async function acknowledge(post: Post, deliveries: number) {
  const acks: number[] = [];
  let non200 = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < deliveries) {
        const i = next++;
        const r = await post(String(9_000_000_000_000_000_000n + BigInt(i)), 'xin chào');
        acks.push(r.ms);
        if (r.status !== 200) non200 += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { deliveries, concurrency, non200, per_s: Math.round(deliveries / seconds), ...percentiles(acks) };
}

/** Residents one after another, each asking how to install VNeID, until the guide's first step arrives. */
async function timeToAnswer(post: Post, fake: FakeZalo, residents: number) {
  const answers: number[] = [];
  for (let i = 0; i < residents; i++) {
    const userId = String(9_100_000_000_000_000_000n + BigInt(i));
    const started = performance.now();
    await post(userId, 'cach cai vneid ntn');
    await waitUntil(() => fake.state.delivered.filter((d) => d.to === `user:${userId}`).length >= 2, 10_000, `an answer to resident ${i}`);
    answers.push(performance.now() - started);
  }
  return percentiles(answers);
}

async function postEvent(url: string, userId: string, text: string): Promise<{ status: number; ms: number }> {
  const timestamp = String(Date.now());
  const body = JSON.stringify({ app_id: testZalo.appId, event_name: 'user_send_text', timestamp, sender: { id: userId }, recipient: { id: testZalo.oaId }, message: { text, msg_id: randomBytes(10).toString('hex') } });
  const signature = computeEventMac(testZalo.appId, Buffer.from(body), timestamp, testZalo.oaSecretKey);
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-zevent-signature': signature }, body });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started };
}
