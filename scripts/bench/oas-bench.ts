import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Queue } from 'bullmq';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import pino from 'pino';
import { loadConfig } from '../../bot/config.ts';
import type { Config } from '../../bot/config.ts';
import { createSecretBox } from '../../bot/crypto/secret-box.ts';
import { createCoreDeps } from '../../bot/deps.ts';
import { createQueues } from '../../bot/jobs/queues.ts';
import { createLogger } from '../../bot/logger.ts';
import { handOverOutbox } from '../../bot/pipeline/hand-over-outbox.ts';
import { createDb } from '../../db/client.ts';
import type { Db } from '../../db/client.ts';
import { startFakeZalo } from '../local/zalo-stand-in/fake-zalo.ts';
import type { FakeZalo } from '../local/zalo-stand-in/fake-zalo.ts';
import { testZalo } from '../local/local-zalo-credentials.ts';
import { launchChild } from './bench-process.ts';
import type { BenchChild } from './bench-process.ts';
import { withBenchPlace } from './bench-resources.ts';
import type { BenchPlace } from './bench-resources.ts';
import { round1, waitUntil, round2 } from './bench-stats.ts';
import { listResidents, seedOasProvince, writeAnnouncements } from './oas-province.ts';
import type { BenchOa } from './oas-province.ts';
import { measureOaRates } from './oas-rate.ts';
import { measureWebhookWithOas, noEnvOa, startWebhookServices } from './oas-webhook.ts';
import type { WebhookPlan } from './oas-webhook.ts';

type Plan = { communes: number; oas: number; messagesPerOa: number; ratePerSec: number; workers: number; webhook: WebhookPlan };

/**
 * Full: 50 OAs × 1,000 messages = 50,000 at 5/s per OA (250/s in all, ~200 s). Quick: 50 OAs × 12
 * messages at 2/s (100/s in all: a second's burst, then 5 s of pacing) and shorter webhook phases,
 * ~30 s in all. The limits are what one worker process can keep up with on the 2-core development
 * machine (1.2–1.7 ms of its CPU per message when the machine is calm, 3–5 ms when loaded): the
 * figure is whether each OA is held to its own limit, which a sender that cannot keep up with the
 * sum of the limits would miss for every OA alike. 20/s per OA (1,000/s in all) would need 2–3 cores
 * for the sender alone.
 */
const plans: Record<'quick' | 'full', Plan> = {
  full: { communes: 100, oas: 50, messagesPerOa: 1000, ratePerSec: 5, workers: 1, webhook: { phaseMs: 5000, warmUpMs: 4000, pairs: 4 } },
  quick: { communes: 100, oas: 50, messagesPerOa: 12, ratePerSec: 2, workers: 1, webhook: { phaseMs: 1500, warmUpMs: 2500, pairs: 2 } },
};

/** An OA whose first message arrives after this share of the run is starved. */
const starvedAfterShare = 0.1;

/**
 * Many OAs in one deployment (issue 12's "Measure"): a province of 100 communes, 50 of them with an
 * OA of their own (registered with addOaAccount, secrets sealed), every OA with its residents.
 * (1) Sending: with the worker processes (workers/main.ts) running, one announcement to every
 * resident is written commune after commune and handed to the `outbound` queue by the production
 * hand-over, a thousand rows at a time; the Zalo stand-in records what each OA sends. Per OA: its
 * achieved rate against its limit, how long after its rows were handed over it began (starved:
 * later than 10% of the run), the most it sent in any 10 s; in all: duplicates, rows lost,
 * messages sent through the wrong OA.
 * (2) The webhook with 50 OAs against a single OA, in the same run and the same bot (oas-webhook.ts).
 * Its database and Redis keys are removed afterwards, as every bench's.
 */
export async function oasBench(options: { quick: boolean; skipWebhook?: boolean } & Partial<Omit<Plan, 'webhook'>>): Promise<Record<string, unknown>> {
  const base = plans[options.quick ? 'quick' : 'full'];
  const plan: Plan = { ...base, ...definedOnly(options) };
  const loadavgStart = os.loadavg();
  // A throwaway data key: the OAs' secrets are sealed with it, and the bench's database is dropped after.
  const dataKeyHex = randomBytes(32).toString('hex');
  const setupStart = performance.now();
  return withBenchPlace('oas', async (place) => {
    const { db, close } = createDb(place.databaseUrl);
    const fake = await startFakeZalo({ ...testZalo, maxRecordedCalls: 1000 });
    try {
      const seedStart = performance.now();
      const oas = await seedOasProvince(db, createSecretBox(Buffer.from(dataKeyHex, 'hex')), { communes: plan.communes, oas: plan.oas, residentsPerOa: plan.messagesPerOa, ratePerSec: plan.ratePerSec });
      for (const oa of oas) {
        fake.state.addOa(oa.oaId, oa.refreshToken);
        fake.state.gmfGroups.set(oa.groupId, true);
      }
      const residents = await listResidents(db);
      const seedMs = performance.now() - seedStart;
      const sendStart = performance.now();
      // The bot starts beside the workers (its start would otherwise add seconds); idle, it costs the sending nothing.
      const services = options.skipWebhook ? null : await startWebhookServices(place, dataKeyHex);
      let sending: Awaited<ReturnType<typeof sendAll>>;
      let webhook: Record<string, unknown> = { webhook_ratio: null };
      let webhookStart = 0;
      try {
        sending = await sendAll({ place, db, fake, oas, residents, plan, dataKeyHex });
        webhookStart = performance.now();
        if (services) webhook = await measureWebhookWithOas(place, services, oas, plan.webhook);
      } finally {
        await services?.stop();
      }
      const stages_s = { setup: round1((sendStart - setupStart) / 1000), send: round1((webhookStart - sendStart) / 1000), webhook: round1((performance.now() - webhookStart) / 1000) };
      return {
        bench: 'oas',
        quick: options.quick,
        communes: plan.communes,
        oas: plan.oas,
        messages: sending.written,
        limit_per_oa_per_s: plan.ratePerSec,
        aggregate_limit_per_s: plan.ratePerSec * plan.oas,
        worker_processes: plan.workers,
        ...sending,
        ...webhook,
        seed_ms: Math.round(seedMs),
        stages_s,
        target: 'every OA within 5% of its limit, none starved, no duplicate, nothing lost; webhook_ratio ≥ 0.9',
        // A quick run lasts a few seconds: 10% of it is less than the worker takes to send every
        // OA's first-second burst at once, so starvation is only judged in a full run.
        starved_judged: !options.quick,
        met: sending.rate_error_pct_max <= 5 && (options.quick || sending.starved === 0) && sending.duplicates === 0 && sending.lost === 0 && Number(webhook.webhook_ratio) >= 0.9,
        loadavg: { start: loadavgStart.map(round2), end: os.loadavg().map(round2), cores: os.cpus().length },
      };
    } finally {
      await fake.close();
      await close();
    }
  });
}

function definedOnly(options: Partial<Omit<Plan, 'webhook'>>): Partial<Plan> {
  const picked = { communes: options.communes, oas: options.oas, messagesPerOa: options.messagesPerOa, ratePerSec: options.ratePerSec, workers: options.workers };
  return Object.fromEntries(Object.entries(picked).filter(([, v]) => v !== undefined));
}

type Sending = { place: BenchPlace; db: Db; fake: FakeZalo; oas: BenchOa[]; residents: Awaited<ReturnType<typeof listResidents>>; plan: Plan; dataKeyHex: string };

/**
 * The workers started and ready (their `outbound` workers registered), as in production where they
 * run before a job writes 50,000 rows and hands them over; then the announcement written and handed
 * over, and the stand-in's deliveries measured per OA.
 */
async function sendAll(s: Sending) {
  const expected = s.residents.oaOf;
  await claimMemoryMarker(s.place);
  const launched = performance.now();
  const workers: BenchChild[] = [];
  for (let i = 0; i < s.plan.workers; i++) workers.push(launchChild(`oas-workers-${i + 1}`, 'workers/main.ts', workerEnv(s)));
  await untilWorkersReady(s.place, s.plan.workers, workers);
  const readyAfterMs = performance.now() - launched;
  const handOverStart = performance.now();
  const { ids, handedOverAt } = await writeAndHandOver(s.place, s.db, s.residents, s.dataKeyHex);
  const handOverMs = performance.now() - handOverStart;
  const delivered = () => s.fake.state.delivered.length;
  const cpu = { first: 0, last: 0 };
  let finished = true;
  try {
    const expectedMs = (s.plan.messagesPerOa / s.plan.ratePerSec) * 1000;
    await waitUntil(() => delivered() > 0, 120_000, 'the first delivery');
    cpu.first = sumCpu(workers);
    await waitUntil(() => delivered() >= ids.length, 3 * expectedMs + 60_000, `${ids.length} deliveries`).catch(() => (finished = false));
    cpu.last = sumCpu(workers);
    // A row sent twice would show up just after the others: give it the time to.
    await new Promise((r) => setTimeout(r, 1000));
  } finally {
    for (const w of workers) await w.stop();
  }
  const rates = measureOaRates({ delivered: s.fake.state.delivered, expected, oaIds: s.oas.map((o) => o.oaId), limit: s.plan.ratePerSec, starvedAfterShare, handedOverAt });
  const perMessage = rates.delivered > 1 && cpu.last > cpu.first ? (cpu.last - cpu.first) / (rates.delivered - 1) : null;
  return {
    written: ids.length,
    ...rates,
    finished,
    workers_ready_after_s: round1(readyAfterMs / 1000),
    hand_over_s: round1(handOverMs / 1000),
    worker_cpu_ms_per_message: perMessage === null ? null : Math.round(perMessage * 100) / 100,
    outbox: await outboxStatuses(s.db),
  };
}

/** Until `count` processes work the `outbound` queue (BullMQ names each worker's connection after it). */
async function untilWorkersReady(place: BenchPlace, count: number, workers: BenchChild[]): Promise<void> {
  const connection = new Redis(place.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('outbound', { connection, prefix: place.queuePrefix });
  try {
    await waitUntil(async () => {
      if (workers.some((w) => w.process.exitCode !== null)) throw new Error('oas bench: a worker process exited while starting');
      if ((await queue.getWorkersCount()) >= count) return true;
      await new Promise((r) => setTimeout(r, 200));
      return false;
    }, 120_000, 'the workers to start');
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

function sumCpu(children: BenchChild[]): number {
  return children.reduce((n, c) => n + (c.cpuMs() ?? 0), 0);
}

/**
 * As a worker that ran before would have: without the marker a new worker takes the fresh prefix
 * for a Redis that lost its memory and re-hands every open row at start (the recovery path, not
 * the sending measured here).
 */
async function claimMemoryMarker(place: BenchPlace): Promise<void> {
  const queues = createQueues({ redisUrl: place.redisUrl, prefix: place.queuePrefix, retryBaseMs: 1000, logger: pino({ level: 'silent' }) });
  try {
    await queues.claimMemoryMarker();
  } finally {
    await queues.close();
  }
}

/**
 * A thousand residents at a time, commune after commune: their rows written, then handed over by
 * the production hand-over (bot/pipeline/hand-over-outbox.ts, as the reminder and digest jobs call
 * it: the ids to the `outbound` queue, then marked as handed over). Page by page, as such a job
 * does, so the workers' sweeper never finds rows waiting to be handed over. Returns the ids and when
 * each OA's first rows were handed over (the start of that page's hand-over).
 */
async function writeAndHandOver(place: BenchPlace, db: Db, residents: Sending['residents'], dataKeyHex: string): Promise<{ ids: number[]; handedOverAt: Map<string, number> }> {
  const config: Config = { ...loadConfig(), databaseUrl: place.databaseUrl, redisUrl: place.redisUrl, queuePrefix: place.queuePrefix, dataEncryptionKey: dataKeyHex };
  // Its log to stderr: stdout holds the report alone.
  const core = createCoreDeps(config, { name: 'oas-bench-hand-over', logger: createLogger({ level: 'warn', name: 'oas-bench-hand-over' }, pino.destination(2)) });
  const ids: number[] = [];
  const handedOverAt = new Map<string, number>();
  try {
    for (let i = 0; i < residents.ids.length; i += 1000) {
      const page = residents.ids.slice(i, i + 1000);
      const written = await writeAnnouncements(db, page);
      const at = Date.now();
      await handOverOutbox(core, written, core.logger);
      for (const id of page) {
        const oaId = residents.oaByResidentId.get(id);
        if (oaId && !handedOverAt.has(oaId)) handedOverAt.set(oaId, at);
      }
      ids.push(...written);
    }
    const waiting = (await core.db.execute<{ n: number }>(sql`select count(*)::int as n from outbound_messages where enqueued_at is null`)).rows[0]?.n ?? 0;
    if (Number(waiting) > 0) throw new Error(`${waiting} rows were not handed over`);
  } finally {
    await core.close();
  }
  return { ids, handedOverAt };
}

async function outboxStatuses(db: Db): Promise<Record<string, number>> {
  const rows = (await db.execute<{ status: string; n: number }>(sql`select status, count(*)::int as n from outbound_messages group by status`)).rows;
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** The worker as production runs it, with every OA from the table (none from ZALO_*) and the stand-in as Zalo. */
function workerEnv(s: Sending): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...noEnvOa,
    ZALO_OPENAPI_URL: s.fake.url,
    ZALO_OAUTH_URL: s.fake.url,
    ZALO_GRAPH_URL: s.fake.url,
    DATA_ENCRYPTION_KEY: s.dataKeyHex,
    DATABASE_URL: s.place.databaseUrl,
    REDIS_URL: s.place.redisUrl,
    QUEUE_PREFIX: s.place.queuePrefix,
    OUTBOUND_RATE_PER_SEC: String(s.plan.ratePerSec),
    LOG_LEVEL: 'warn',
    SCHEDULED_SENDS: 'false',
  };
}


if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const number = (name: string) => {
    const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
    return arg ? Number(arg.slice(name.length + 3)) : undefined;
  };
  const result = await oasBench({ quick: process.argv.includes('--quick'), oas: number('oas'), messagesPerOa: number('messages-per-oa'), ratePerSec: number('rate'), workers: number('workers'), skipWebhook: process.argv.includes('--no-webhook') });
  console.log(JSON.stringify(result, null, 2));
}
