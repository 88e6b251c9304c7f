import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { loadConfig } from '../../bot/config.ts';
import { createDb } from '../../db/client.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { zaloEnv } from '../local/local-zalo-credentials.ts';
import { createScratchDatabase, deleteQueueKeys, launch, launchStandIn, stopChild } from './e2e-processes.ts';
import { freePort, pidsNamed, processCpuMs, processesCpuMs } from './bench-process.ts';
import { waitUntil } from './bench-stats.ts';
import type { Counters, Launched, StandIn } from './e2e-processes.ts';
import { percentile, postText, runOpenLoop, windowMs } from './e2e-traffic.ts';
import { hostByWindow, sampleHostActivity } from './host-activity.ts';

/** `profileDir` (default BENCH_PROFILE_DIR): the bot and the workers write V8 CPU profiles there (`--cpu-prof`) when they stop. */
export type E2eOptions = { quick: boolean; workers?: number; rate?: number; seconds?: number; warmUpSeconds?: number; profileDir?: string };

/**
 * How long messages are sent, and how long answers are then waited for. Quick mode is for a look
 * in under 2 minutes all told: 1,600 messages, and a system that cannot keep up shows it as
 * `no_reply` rather than by a longer wait.
 */
const durations = { quick: { seconds: 8, graceMs: 6000, warmUpSeconds: 3 }, full: { seconds: 60, graceMs: 20_000, warmUpSeconds: 10 } };

/**
 * One resident message end to end, as production runs it: the bot (bot/main.ts) and `workers`
 * worker processes (workers/main.ts, default one) and the Zalo stand-in as child processes.
 * Open loop at `rate` messages/s (default 200) for 60 s (quick: 8 s) from distinct residents,
 * with the send limit raised so the limit is not what is measured. A scratch database
 * `<db>_bench_<random>` and a queue prefix of its own are made for the run and removed after it.
 */
export async function e2eBench(options: E2eOptions): Promise<Record<string, unknown>> {
  const mode = durations[options.quick ? 'quick' : 'full'];
  const plan: Plan = {
    rate: options.rate ?? 200,
    seconds: options.seconds ?? mode.seconds,
    graceMs: mode.graceMs,
    warmUpSeconds: options.warmUpSeconds ?? mode.warmUpSeconds,
    workers: options.workers ?? 1,
    profileDir: options.profileDir ?? process.env.BENCH_PROFILE_DIR,
  };
  const base = loadConfig();
  const prefix = `bench-e2e-${randomBytes(3).toString('hex')}`;
  const database = await createScratchDatabase(base.databaseUrl);
  const standIn = await launchStandIn();
  const launched: Launched[] = [];
  try {
    const seed = createDb(database.url);
    await seedDemoCommune(seed.db);
    await seed.close();
    const env = { ...process.env, ...zaloEnv(standIn.url), DATABASE_URL: database.url, REDIS_URL: base.redisUrl, QUEUE_PREFIX: prefix };
    return await measure(await startSystem(env, plan, launched), standIn, plan);
  } finally {
    await Promise.all(launched.map((l) => stopChild(l.child)));
    await stopChild(standIn.child);
    await database.drop();
    await deleteQueueKeys(base.redisUrl, prefix);
  }
}

type Plan = { rate: number; seconds: number; graceMs: number; warmUpSeconds: number; workers: number; profileDir: string | undefined };
type System = { bot: Launched; workers: Launched[]; webhookUrl: string };

/**
 * The bot and the workers, started together (the workers need only Postgres and Redis, and each
 * start takes seconds); every process started is in `launched`, for the caller to stop. The
 * warm-up that follows waits for the workers' answers.
 */
async function startSystem(baseEnv: NodeJS.ProcessEnv, plan: Plan, launched: Launched[]): Promise<System> {
  const port = await freePort();
  // The send limit is raised so that the pipeline, not the limit, is what is measured.
  const env = { ...baseEnv, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', OUTBOUND_RATE_PER_SEC: '100000' };
  const bot = launch('bot', 'bot/main.ts', env, false, profileArgs(plan.profileDir));
  launched.push(bot);
  const workers = Array.from({ length: plan.workers }, (_, i) => launch(`worker-${i + 1}`, 'workers/main.ts', env, true, profileArgs(plan.profileDir)));
  launched.push(...workers);
  await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok === true, 60_000, 'the bot');
  return { bot, workers, webhookUrl: `http://127.0.0.1:${port}/webhooks/zalo` };
}

async function measure(system: System, standIn: StandIn, plan: Plan): Promise<Record<string, unknown>> {
  await warmUp(standIn, system.webhookUrl);
  // Then the same traffic for a few seconds, not counted: a fresh process's first seconds under load
  // (code not yet optimised by V8, statements not yet prepared on each pooled connection) are
  // slower than the steady state a commune's worker runs in. Reported beside, not hidden.
  const warm = await runOpenLoop(standIn, system.webhookUrl, { rate: plan.rate, seconds: plan.warmUpSeconds, graceMs: plan.graceMs });
  // A guide's second message may still be on its way when its first answered the resident.
  await untilQuiet(standIn, 1000, plan.graceMs);
  // The counters print once a second: wait for a fresh reading on each side of the measured window.
  await new Promise((r) => setTimeout(r, 1200));
  const loadBefore = loadAverage();
  const before = { workers: sum(system.workers), bot: processCpuMs(system.bot.child.pid) };
  const host = sampleHostActivity(100, processGroups(system, standIn));
  const traffic = await runOpenLoop(standIn, system.webhookUrl, { rate: plan.rate, seconds: plan.seconds, graceMs: plan.graceMs });
  const hostReadings = host?.stop() ?? null;
  await new Promise((r) => setTimeout(r, 1200));
  const after = { workers: sum(system.workers), bot: processCpuMs(system.bot.child.pid) };
  const answered = traffic.latenciesMs.length;
  const per = (n: number) => (answered > 0 ? Number((n / answered).toFixed(2)) : null);
  const perSecond = answered / ((traffic.lastReplyAt - traffic.firstPostAt) / 1000);
  const redis = (c: Counters) => c.redisCommands + c.redisPipelines;
  return {
    bench: 'e2e',
    worker_processes: plan.workers,
    offered_per_s: plan.rate,
    seconds: plan.seconds,
    grace_ms: plan.graceMs,
    messages: traffic.posted,
    non_200: traffic.non200,
    no_reply: traffic.noReply,
    ...summary(traffic.latenciesMs),
    warm_up: { seconds: plan.warmUpSeconds, no_reply: warm.noReply, ...summary(warm.latenciesMs) },
    by_kind: Object.fromEntries(Object.entries(traffic.byKind).map(([kind, xs]) => [kind, summary(xs)])),
    window_s: windowMs / 1000,
    p99_ms_by_window: traffic.byWindow.map((xs) => summary(xs).p99_ms),
    host_by_window: hostReadings ? hostByWindow(hostReadings, traffic.firstPostAt, windowMs, traffic.byWindow.length) : null,
    residents_per_s: Math.round(perSecond),
    residents_per_s_per_worker: Math.round(perSecond / plan.workers),
    worker_cpu_ms_per_message: per(after.workers.cpuMs - before.workers.cpuMs),
    bot_cpu_ms_per_message: before.bot !== null && after.bot !== null ? per(after.bot - before.bot) : null,
    worker_pg_round_trips_per_message: per(after.workers.pg - before.workers.pg),
    worker_redis_round_trips_per_message: per(redis(after.workers) - redis(before.workers)),
    loadavg_before: loadBefore,
    loadavg_after: loadAverage(),
    cpus: os.cpus().length,
    note: 'latency: webhook POST started → the stand-in receives that resident’s next message; round trips and CPU counted in the worker processes by a preloaded counter (sweeper and schedulers included)',
  };
}

/**
 * Whose CPU each window's busy cores were: the system's processes, Postgres and Redis (every
 * process of those names on the machine, looked up again each second as pools open connections),
 * the stand-in, and this process, which generates the load.
 */
function processGroups(system: System, standIn: StandIn): Record<string, () => number> {
  const pids = (children: { child: { pid?: number | undefined } }[]) => children.flatMap((l) => (l.child.pid === undefined ? [] : [l.child.pid]));
  const named = (name: string) => {
    let found = { at: 0, pids: [] as number[] };
    return () => {
      if (Date.now() - found.at >= 1000) found = { at: Date.now(), pids: pidsNamed(name) };
      return processesCpuMs(found.pids);
    };
  };
  return {
    worker: () => processesCpuMs(pids(system.workers)),
    bot: () => processesCpuMs(pids([system.bot])),
    postgres: named('postgres'),
    redis: named('redis-server'),
    stand_in: () => processesCpuMs(pids([standIn])),
    load_generator: () => processesCpuMs([process.pid]),
  };
}

function loadAverage(): number[] {
  return os.loadavg().map((x) => Number(x.toFixed(2)));
}

/** Trains the classifier, refreshes the token and uploads the guide pictures before measuring. */
async function warmUp(fake: StandIn, webhookUrl: string): Promise<void> {
  const texts = ['cach cai vneid', 'lam sao kich hoat dinh danh dien tu muc 2', 'cach cai vssid', 'huong dan thanh toan khong dung tien mat', 'xin chao'];
  const users = texts.map((_, i) => `7000000000000000${100 + i}`);
  const answered = new Set<string>();
  const stop = fake.onDelivery(({ to }) => answered.add(to));
  await Promise.all(texts.map((text, i) => postText(webhookUrl, users[i] ?? '', text)));
  await waitUntil(() => users.every((u) => answered.has(`user:${u}`)), 120_000, 'the warm-up replies');
  stop();
  await new Promise((r) => setTimeout(r, 500));
}

/** Waits until the stand-in has received nothing for `quietMs` (at most `maxMs`). */
async function untilQuiet(standIn: StandIn, quietMs: number, maxMs: number): Promise<void> {
  let last = Date.now();
  const stop = standIn.onDelivery(() => (last = Date.now()));
  const until = Date.now() + maxMs;
  while (Date.now() - last < quietMs && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  stop();
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

function summary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { n: sorted.length, p50_ms: percentile(sorted, 0.5), p95_ms: percentile(sorted, 0.95), p99_ms: percentile(sorted, 0.99), max_ms: Math.round(sorted.at(-1) ?? 0) };
}
