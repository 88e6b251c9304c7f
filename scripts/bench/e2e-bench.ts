import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { loadConfig } from '../../bot/config.ts';
import { createDb } from '../../db/client.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { startFakeZalo } from '../local/zalo-stand-in/fake-zalo.ts';
import { testZalo, zaloEnv } from '../local/local-zalo-credentials.ts';
import { createScratchDatabase, deleteQueueKeys, freePort, launch, processCpuMs, stopChild, waitUntil } from './e2e-processes.ts';
import type { Counters, Launched } from './e2e-processes.ts';
import { percentile, postText, runOpenLoop } from './e2e-traffic.ts';

/** `profileDir`: the workers write V8 CPU profiles there (`--cpu-prof`) when they stop. */
export type E2eOptions = { quick: boolean; workers?: number; rate?: number; seconds?: number; profileDir?: string };

/**
 * One resident message end to end, as production runs it: the bot (bot/main.ts) and `workers`
 * worker processes (workers/main.ts, default one) as child processes, the Zalo stand-in here.
 * Open loop at `rate` messages/s (default 200) for 60 s (quick: 15 s) from distinct residents,
 * with the send limit raised so the limit is not what is measured. A scratch database
 * `<db>_bench_<random>` and a queue prefix of its own are made for the run and removed after it.
 */
export async function e2eBench(options: E2eOptions): Promise<Record<string, unknown>> {
  const rate = options.rate ?? 200;
  const seconds = options.seconds ?? (options.quick ? 15 : 60);
  const workerCount = options.workers ?? 1;
  const base = loadConfig();
  const prefix = `bench-e2e-${randomBytes(3).toString('hex')}`;
  const database = await createScratchDatabase(base.databaseUrl);
  const fake = await startFakeZalo({ ...testZalo });
  const launched: Launched[] = [];
  try {
    const seed = createDb(database.url);
    await seedDemoCommune(seed.db);
    await seed.close();
    const port = await freePort();
    const env = {
      ...process.env,
      ...zaloEnv(fake.url),
      DATABASE_URL: database.url,
      REDIS_URL: base.redisUrl,
      QUEUE_PREFIX: prefix,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      OUTBOUND_RATE_PER_SEC: '100000',
    };
    const bot = launch('bot', 'bot/main.ts', env, false);
    launched.push(bot);
    await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok === true, 60_000, 'the bot');
    const workers = Array.from({ length: workerCount }, (_, i) => launch(`worker-${i + 1}`, 'workers/main.ts', env, true, profileArgs(options.profileDir)));
    launched.push(...workers);
    const webhookUrl = `http://127.0.0.1:${port}/webhooks/zalo`;
    await warmUp(fake, webhookUrl);
    // The counters print once a second: wait for a fresh reading on each side of the measured window.
    await new Promise((r) => setTimeout(r, 1200));
    const before = sum(workers);
    const botCpuBefore = processCpuMs(bot.child.pid);
    const traffic = await runOpenLoop(fake, webhookUrl, { rate, seconds, graceMs: 20_000 });
    await new Promise((r) => setTimeout(r, 1200));
    const after = sum(workers);
    const botCpuAfter = processCpuMs(bot.child.pid);
    const answered = traffic.latenciesMs.length;
    const sorted = [...traffic.latenciesMs].sort((a, b) => a - b);
    const per = (n: number) => (answered > 0 ? Number((n / answered).toFixed(2)) : null);
    const spanSeconds = (traffic.lastReplyAt - traffic.firstPostAt) / 1000;
    return {
      bench: 'e2e',
      worker_processes: workerCount,
      offered_per_s: rate,
      seconds,
      messages: traffic.posted,
      non_200: traffic.non200,
      no_reply: traffic.noReply,
      p50_ms: percentile(sorted, 0.5),
      p95_ms: percentile(sorted, 0.95),
      p99_ms: percentile(sorted, 0.99),
      max_ms: Math.round(sorted.at(-1) ?? 0),
      residents_per_s: Math.round(answered / spanSeconds),
      residents_per_s_per_worker: Math.round(answered / spanSeconds / workerCount),
      worker_cpu_ms_per_message: per(after.cpuMs - before.cpuMs),
      bot_cpu_ms_per_message: botCpuBefore !== null && botCpuAfter !== null ? per(botCpuAfter - botCpuBefore) : null,
      worker_pg_round_trips_per_message: per(after.pg - before.pg),
      worker_redis_round_trips_per_message: per(after.redisCommands + after.redisPipelines - before.redisCommands - before.redisPipelines),
      loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
      cpus: os.cpus().length,
      note: 'latency: webhook POST started → the stand-in receives that resident’s next message; round trips and CPU counted in the worker processes by a preloaded counter (sweeper and schedulers included)',
    };
  } finally {
    await Promise.all(launched.map((l) => stopChild(l.child)));
    await fake.close();
    await database.drop();
    await deleteQueueKeys(base.redisUrl, prefix);
  }
}

/** Trains the classifier, refreshes the token and uploads the guide pictures before measuring. */
async function warmUp(fake: Awaited<ReturnType<typeof startFakeZalo>>, webhookUrl: string): Promise<void> {
  const texts = ['cach cai vneid', 'lam sao kich hoat dinh danh dien tu muc 2', 'cach cai vssid', 'huong dan thanh toan khong dung tien mat', 'xin chao'];
  const users = texts.map((_, i) => `7000000000000000${100 + i}`);
  await Promise.all(texts.map((text, i) => postText(webhookUrl, users[i] ?? '', text)));
  await waitUntil(() => users.every((u) => fake.state.delivered.some((d) => d.to === `user:${u}`)), 120_000, 'the warm-up replies');
  await new Promise((r) => setTimeout(r, 500));
}

function sum(workers: Launched[]): Counters {
  const total: Counters = { pg: 0, redisCommands: 0, redisPipelines: 0, cpuMs: 0 };
  for (const w of workers) {
    const c = w.latest();
    if (!c) continue;
    total.pg += c.pg;
    total.redisCommands += c.redisCommands;
    total.redisPipelines += c.redisPipelines;
    total.cpuMs += c.cpuMs;
  }
  return total;
}

function profileArgs(dir: string | undefined): string[] {
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}
