import { sql } from 'drizzle-orm';
import { createDb } from '../../db/client.ts';
import type { SignedDelivery } from './webhook-bench-events.ts';
import { startLoadGenerator } from './webhook-bench-load.ts';
import type { LoadGenerator, LoadReport } from './webhook-bench-load.ts';
import { launchLoggingChild, untilHealthy } from './webhook-bench-services.ts';
import type { LoggingChild } from './webhook-bench-services.ts';
import { countStoredAndQueued } from './webhook-bench-tally.ts';
import { freePort } from './bench-process.ts';
import type { BenchPlace } from './bench-resources.ts';
import { round2 } from './bench-stats.ts';
import type { BenchOa } from './oas-province.ts';
import { signedDeliveriesForOas } from './oas-webhook-events.ts';

export type WebhookPlan = { phaseMs: number; warmUpMs: number; pairs: number };

/** As the webhook bench: two load threads keep 50 requests in flight, 10% of deliveries are Zalo's retries. */
const loadThreads = 2;
const inFlight = 50;
const redeliveryShare = 0.1;
/** Fresh events per second of a phase: well above what the bot acknowledges here, so the pool never runs dry. */
const poolRatePerSec = 15_000;

type Variant = 'single' | 'many';
type Phase = { variant: Variant; report: LoadReport; cpuMs: number };

/**
 * The webhook's acknowledgement path with the province's OAs: the real bot (bot/main.ts, as the
 * webhook bench runs it: NODE_ENV=production, LOG_LEVEL=info, its log to a file) and the workers'
 * relay, against the bench's database where `oas` are registered. Closed loop, 50 in flight, in
 * alternating phases (many, single, single, many, …, so drift in the machine's load falls on both):
 * `single` sends every event to the first OA, `many` spreads them over every OA, each signed with
 * its own OA's key. The throughput of each is its phases' requests over their time together; the
 * bot's CPU time per request is beside it (steadier on a shared machine). Afterwards every event
 * answered 200 must be stored once, for the OA it was sent to, and queued once.
 */
export type WebhookServices = { bot: LoggingChild; relay: LoggingChild; port: number; launchedAt: number; stop: () => Promise<void> };

/**
 * The bot and the workers' relay, started early: they take seconds to start on a busy machine,
 * which can overlap the sending part. Idle until `measureWebhookWithOas`.
 */
export async function startWebhookServices(place: BenchPlace, dataKeyHex: string): Promise<WebhookServices> {
  const port = await freePort();
  const env = botEnv(place, port, dataKeyHex);
  const bot = launchLoggingChild('oas-bot', 'bot/main.ts', env);
  const relay = launchLoggingChild('oas-relay', 'scripts/bench/webhook-bench-relay.ts', env);
  return {
    bot,
    relay,
    port,
    launchedAt: performance.now(),
    async stop() {
      await relay.stop();
      await bot.stop();
    },
  };
}

export async function measureWebhookWithOas(place: BenchPlace, services: WebhookServices, oas: BenchOa[], plan: WebhookPlan): Promise<Record<string, unknown>> {
  const { bot } = services;
  const load = startLoadGenerator(loadThreads);
  try {
    const url = await untilHealthy(bot, services.port, 'oas bench: the bot');
    const botStartMs = performance.now() - services.launchedAt;
    const first = oas[0];
    if (!first) throw new Error('no OA');
    let resident = 9_300_000_000_000_000_000n;
    const pool = (variant: Variant, ms: number) =>
      signedDeliveriesForOas(variant === 'single' ? [first] : oas, Math.round((poolRatePerSec * ms) / 1000), { redeliveryShare, firstResident: (resident += 100_000n) });
    const acked = new Set<string>();
    let poolsRanDry = 0;
    const run = async (variant: Variant, ms: number): Promise<Phase> => {
      const deliveries = pool(variant, ms);
      const cpuBefore = bot.cpuMs();
      const { report, acked: keys } = await runPhase(load, url, deliveries, ms);
      keys.forEach((k) => acked.add(k));
      // A phase that used up its pool ended early: its rate still holds, over its shorter time.
      if (report.sent >= deliveries.length) poolsRanDry += 1;
      return { variant, report, cpuMs: bot.cpuMs() - cpuBefore };
    };
    await run('single', plan.warmUpMs);
    await run('many', plan.warmUpMs);
    const phases: Phase[] = [];
    for (let i = 0; i < plan.pairs; i++) {
      // Many first: what is left of the warm-up then counts against the 50 OAs, not for them.
      const order: Variant[] = i % 2 === 0 ? ['many', 'single'] : ['single', 'many'];
      for (const variant of order) phases.push(await run(variant, plan.phaseMs));
    }
    const single = combine(phases.filter((p) => p.variant === 'single'));
    const many = combine(phases.filter((p) => p.variant === 'many'));
    const tally = await countStoredAndQueued({ databaseUrl: place.databaseUrl, redisUrl: place.redisUrl, prefix: place.queuePrefix, acked });
    const stored = await storedByOa(place.databaseUrl);
    return {
      webhook_throughput: many.per_second,
      webhook_single_oa_throughput: single.per_second,
      webhook_ratio: round2(many.per_second / single.per_second),
      webhook_cpu_ms_per_request: { many: many.cpu_ms_per_request, single: single.cpu_ms_per_request },
      webhook_cpu_ratio: round2(single.cpu_ms_per_request / many.cpu_ms_per_request),
      webhook_phases: phases.map((p) => ({ variant: p.variant, per_second: p.report.per_second, p99_ms: p.report.p99_ms, non_200: p.report.non_200 })),
      webhook_pools_ran_dry: poolsRanDry,
      // From the bot's launch (beside the workers) to its first answer.
      webhook_bot_ready_after_s: Math.round(botStartMs / 100) / 10,
      webhook_lost: tally.lost,
      webhook_duplicates: tally.duplicates,
      webhook_stored: { ...stored, acked: tally.acked, rows_without_job: tally.rows_without_job },
    };
  } finally {
    await load.close();
  }
}

async function runPhase(load: LoadGenerator, url: string, deliveries: SignedDelivery[], ms: number) {
  return load.run(url, deliveries, { mode: 'closed', concurrency: inFlight, durationMs: ms }, loadThreads);
}

function combine(phases: Phase[]) {
  const sent = phases.reduce((n, p) => n + p.report.sent, 0);
  const seconds = phases.reduce((s, p) => s + p.report.sent / Math.max(1, p.report.per_second), 0);
  const cpu = phases.reduce((s, p) => s + p.cpuMs, 0);
  return { per_second: Math.round(sent / seconds), cpu_ms_per_request: Math.round((cpu / Math.max(1, sent)) * 1000) / 1000 };
}

/** The stored events by status and how many OAs they belong to: none should be ignored (an OA not recognised). */
async function storedByOa(databaseUrl: string) {
  const { db, close } = createDb(databaseUrl);
  try {
    const rows = (await db.execute<{ status: string; n: number; oas: number }>(sql`select status, count(*)::int as n, count(distinct oa_id)::int as oas from inbound_events group by status`)).rows;
    return { by_status: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])), oas: Math.max(0, ...rows.map((r) => Number(r.oas))) };
  } finally {
    await close();
  }
}

/**
 * As the webhook bench's bot, but with no ZALO_* credentials: every OA it serves comes from the
 * table, the single-OA figure included, so the two figures differ only in how many OAs sign.
 */
function botEnv(place: BenchPlace, port: number, dataKeyHex: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...noEnvOa,
    ZALO_OPENAPI_URL: 'http://127.0.0.1:9',
    ZALO_OAUTH_URL: 'http://127.0.0.1:9',
    ZALO_GRAPH_URL: 'http://127.0.0.1:9',
    NODE_ENV: 'production',
    DATA_ENCRYPTION_KEY: dataKeyHex,
    DATABASE_URL: place.databaseUrl,
    REDIS_URL: place.redisUrl,
    QUEUE_PREFIX: place.queuePrefix,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
  };
}

/** Empty is "not set" (bot/config.ts): no OA from the environment, whatever the caller's shell has. */
export const noEnvOa = { ZALO_APP_ID: '', ZALO_APP_SECRET: '', ZALO_OA_ID: '', ZALO_OA_SECRET_KEY: '', ZALO_OA_REFRESH_TOKEN: '' };

