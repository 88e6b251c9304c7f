import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../../bot/config.ts';
import { computeEventMac } from '../../bot/zalo/verify-signature.ts';
import { createDb } from '../../db/client.ts';
import { runMigrations } from '../../db/migrate.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { startFakeZalo } from '../local/zalo-stand-in/fake-zalo.ts';
import { testZalo, zaloEnv } from '../local/local-zalo-credentials.ts';

const deliveries = 1000;
const concurrency = 50;
const residents = 100;

/**
 * The message path under load, run the way production runs it: the bot and the workers are their
 * own processes (started from bot/main.ts and workers/main.ts), Zalo is the local fake, and this
 * process only generates load. Three numbers:
 *  1. webhook acknowledgement with 50 deliveries in flight, the bot alone (Zalo wants an answer
 *     within ~2 s);
 *  2. throughput once the workers start on that backlog, with the outbound rate limit lifted, so the
 *     number is the pipeline's capacity rather than the limit's;
 *  3. how long a resident waits: webhook call to the fake Zalo receiving the guide's first step.
 * Uses its own database (`<db>_bench`, recreated) and queue prefix; needs Postgres and Redis.
 */
export async function pipelineBench(): Promise<Record<string, unknown>> {
  const base = loadConfig();
  const databaseUrl = await recreateBenchDatabase(base.databaseUrl);
  const seed = createDb(databaseUrl);
  await seedDemoCommune(seed.db);

  const fake = await startFakeZalo({ ...testZalo });
  const port = await freePort();
  const env = {
    ...process.env,
    ...zaloEnv(fake.url),
    DATABASE_URL: databaseUrl,
    REDIS_URL: base.redisUrl,
    QUEUE_PREFIX: `bench-${randomBytes(3).toString('hex')}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    OUTBOUND_RATE_PER_SEC: '1000',
  };
  const children: ChildProcess[] = [];
  const url = `http://127.0.0.1:${port}/webhooks/zalo`;
  const post = (userId: string, text: string) => postEvent(url, userId, text);
  const count = async (query: ReturnType<typeof sql>) => Number((await seed.db.execute(query)).rows[0]?.n ?? 0);

  try {
    children.push(launch('bot', 'bot/main.ts', env));
    await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok === true, 30_000);

    // 1. Acknowledgement, bot alone: the events are stored and queued, nobody works them yet.
    const acks: number[] = [];
    let non200 = 0;
    let next = 0;
    const ackStart = performance.now();
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
    const ackSeconds = (performance.now() - ackStart) / 1000;

    // 2. Throughput: the workers start on the backlog of 1000 greetings.
    const drainStart = performance.now();
    children.push(launch('workers', 'workers/main.ts', env));
    await waitUntil(
      async () =>
        (await count(sql`select count(*)::int as n from inbound_events where status = 'received'`)) === 0 &&
        (await count(sql`select count(*)::int as n from outbound_messages where status <> 'sent'`)) === 0,
      300_000,
    );
    const drainSeconds = (performance.now() - drainStart) / 1000;
    const sent = await count(sql`select count(*)::int as n from outbound_messages`);

    // 3. Time to answer: residents one after another, each asking how to install VNeID.
    const answers: number[] = [];
    for (let i = 0; i < residents; i++) {
      const userId = String(9_100_000_000_000_000_000n + BigInt(i));
      const started = performance.now();
      await post(userId, 'cach cai vneid ntn');
      await waitUntil(() => fake.state.delivered.filter((d) => d.to === `user:${userId}`).length >= 2, 10_000);
      answers.push(performance.now() - started);
    }
    return {
      bench: 'pipeline',
      processes: 'bot and workers as separate processes; load generator and fake Zalo in a third',
      webhookAck: { deliveries, concurrency, non200, perSecond: Math.round(deliveries / ackSeconds), ...percentiles(acks), target: 'p99 < 2000 ms' },
      backlogDrain: { inbound: deliveries, outboundSent: sent, seconds: Number(drainSeconds.toFixed(1)), inboundPerSecond: Math.round(deliveries / drainSeconds), note: 'includes worker start-up and the OA token refresh' },
      timeToAnswer: { residents, sequential: true, ...percentiles(answers), target: 'p95 < 1000 ms' },
    };
  } finally {
    await Promise.all(children.map(stopChild));
    await seed.close();
    await fake.close();
  }
}

/** A fresh, migrated `<db>_<suffix>` database next to the configured one. */
export async function recreateBenchDatabase(databaseUrl: string, suffix = 'bench'): Promise<string> {
  const url = new URL(databaseUrl);
  const name = `${url.pathname.slice(1) || 'cdt'}_${suffix}`;
  const admin = new pg.Client({ connectionString: Object.assign(new URL(databaseUrl), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return url.toString();
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

function launch(name: string, entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  // Warnings and errors from the children go to stderr, so the JSON results on stdout stay clean.
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => console.error(`${name} | ${line}`));
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

function percentiles(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0);
  return { p50ms: at(0.5), p95ms: at(0.95), p99ms: at(0.99), maxMs: Math.round(s.at(-1) ?? 0) };
}

async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('bench timed out');
}
