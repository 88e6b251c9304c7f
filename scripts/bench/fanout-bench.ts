import { sql } from 'drizzle-orm';
import pino from 'pino';
import { parseConfig } from '../../bot/config.ts';
import { createQueues } from '../../bot/jobs/queues.ts';
import { createDb } from '../../db/client.ts';
import type { Db } from '../../db/client.ts';
import { markOutboundEnqueued } from '../../db/queries/outbound-messages.ts';
import { startFakeZalo } from '../local/zalo-stand-in/fake-zalo.ts';
import type { FakeZalo } from '../local/zalo-stand-in/fake-zalo.ts';
import { testZalo, zaloEnv } from '../local/local-zalo-credentials.ts';
import { launchChild } from './bench-process.ts';
import { withBenchPlace } from './bench-resources.ts';
import type { BenchPlace } from './bench-resources.ts';
import { round1, waitUntil } from './bench-stats.ts';
import { writeReminderRounds } from './fanout-reminders.ts';
import { measureRate } from './fanout-rate.ts';
import { fullProvince, seedProvinceTeams } from './synthetic-province.ts';

/**
 * The production send limit (OUTBOUND_RATE_PER_SEC's default, set from Zalo's 4,000 requests a
 * minute per OA): the rate the 15,000 reminders are to be delivered at.
 */
const productionLimit = parseConfig({ DATABASE_URL: 'postgres://unused', REDIS_URL: 'redis://unused' }).outboundRatePerSec;

/**
 * Full: 1,500 teams × 10 weekly rounds = 15,000 messages at the production limit (60/s, ~250 s),
 * then 2 more rounds (3,000 messages) at 300/s to show how far one worker goes past it (reported,
 * not judged). Quick: 90 teams × 4 rounds = 360 messages at the production limit (~6 s) and no
 * second pass: it would cost a second worker start (several seconds on a busy machine).
 */
const fullPlan = { communes: 100, rounds: 10, limit: productionLimit, headroomRounds: 2, headroomLimit: 300 };
const quickPlan = { communes: 6, rounds: 4, limit: productionLimit, headroomRounds: 0, headroomLimit: 300 };

/**
 * Fan-out: reminders to every village team of a province, written by the real reminder sweep and
 * sent by the real worker process (workers/main.ts) to the Zalo stand-in with OUTBOUND_RATE_PER_SEC
 * at a limit L (see the plans above). The figure is how close the delivered rate is to L, and
 * whether any outbox row reached a group twice. A second pass at a higher limit shows how much
 * faster one worker can send on this machine.
 */
export async function fanoutBench(options: { quick: boolean } & Partial<typeof fullPlan>): Promise<Record<string, unknown>> {
  const plan = { ...(options.quick ? quickPlan : fullPlan), ...withoutUndefined(options) };
  return withBenchPlace('fanout', async (place) => {
    const { db, close } = createDb(place.databaseUrl);
    const fake = await startFakeZalo({ ...testZalo });
    try {
      await seedProvinceTeams(db, { ...fullProvince, communes: plan.communes, membersPerTeam: 2 }, { groupOaId: testZalo.oaId });
      const groups = (await db.execute<{ g: string }>(sql`select zalo_group_id as g from teams where zalo_group_id is not null`)).rows;
      for (const { g } of groups) fake.state.gmfGroups.set(g, true);
      const written = await writeReminderRounds(db, { fromRound: 0, rounds: plan.rounds });
      if (written.ids.length === 0) throw new Error('the reminder sweep wrote no message');
      const main = await sendAtLimit({ place, db, fake, ids: written.ids, limit: plan.limit });
      const held = main.rate_error_pct <= 5 && main.lost === 0;
      const headroom =
        plan.headroomRounds === 0
          ? null
          : await sendAtLimit({ place, db, fake, ids: (await writeReminderRounds(db, { fromRound: plan.rounds, rounds: plan.headroomRounds })).ids, limit: plan.headroomLimit });
      return {
        ...main,
        teams: groups.length,
        rounds: plan.rounds,
        reminder_sweep_ms_per_round: round1(written.sweepMs.reduce((a, b) => a + b, 0) / written.sweepMs.length),
        target: 'within 5% of limit_per_s, no duplicates, nothing lost',
        met: held && main.duplicates === 0,
        at_higher_limit: headroom ?? 'not run in quick mode',
      };
    } finally {
      await fake.close();
      await close();
    }
  });
}

/** Overrides for a single run (`limit`, `rounds`, `communes`, the second pass), e.g. from a one-off script. */
function withoutUndefined(options: Partial<typeof fullPlan>): Partial<typeof fullPlan> {
  const { communes, rounds, limit, headroomRounds, headroomLimit } = options;
  return Object.fromEntries(Object.entries({ communes, rounds, limit, headroomRounds, headroomLimit }).filter(([, v]) => v !== undefined));
}

type Pass = { place: BenchPlace; db: Db; fake: FakeZalo; ids: number[]; limit: number };

/** One pass: the rows are queued, a worker process starts, and the stand-in counts what arrives. */
async function sendAtLimit(p: Pass) {
  await enqueueAll(p.place, p.db, p.ids);
  const from = p.fake.state.delivered.length;
  const arrived = () => p.fake.state.delivered.length - from;
  const worker = launchChild(`workers@${p.limit}/s`, 'workers/main.ts', {
    ...process.env,
    ...zaloEnv(p.fake.url),
    DATABASE_URL: p.place.databaseUrl,
    REDIS_URL: p.place.redisUrl,
    QUEUE_PREFIX: p.place.queuePrefix,
    OUTBOUND_RATE_PER_SEC: String(p.limit),
    LOG_LEVEL: 'warn',
    SCHEDULED_SENDS: 'false',
  });
  let finished = true;
  const cpu = { first: 0, last: 0 };
  try {
    const expectedMs = (p.ids.length / p.limit) * 1000;
    await waitUntil(() => arrived() > 0, 120_000, 'the first delivery');
    cpu.first = worker.cpuMs() ?? 0;
    await waitUntil(() => arrived() >= p.ids.length, 3 * expectedMs + 60_000, `${p.ids.length} deliveries`).catch(() => (finished = false));
    cpu.last = worker.cpuMs() ?? 0;
    // A row sent twice would show up just after the others: give it the time to.
    await new Promise((r) => setTimeout(r, 1000));
  } finally {
    await worker.stop();
  }
  const rate = measureRate(p.fake.state.delivered.slice(from), p.limit);
  return { limit_per_s: p.limit, messages: p.ids.length, ...rate, lost: p.ids.length - (rate.delivered - rate.duplicates), finished, ...cpuCost(cpu, rate.delivered), outbox: await outboxStatuses(p.db, p.ids) };
}

/**
 * The worker's CPU time per message between the first and the last delivery (start-up and the
 * classifier's training left out): what one core could send if it did nothing else, whatever
 * else the shared machine was doing.
 */
function cpuCost(cpu: { first: number; last: number }, delivered: number) {
  const perMessage = delivered > 1 && cpu.last > cpu.first ? (cpu.last - cpu.first) / (delivered - 1) : null;
  return { worker_cpu_ms_per_message: perMessage === null ? null : Math.round(perMessage * 100) / 100, messages_per_worker_cpu_s: perMessage === null ? null : Math.round(1000 / perMessage) };
}

/**
 * The ids to the sender's queue, all due at once, then marked as handed over. The reminder job's
 * hand-over would also space them at the OA's rate (bot/pipeline/plan-sends.ts); here they are not,
 * before the worker starts, so the figure is the send step's own limiter (the OA's `sent` ledger)
 * holding a backlog that is all due: the bound that holds whatever queued the messages.
 */
async function enqueueAll(place: BenchPlace, db: Db, ids: number[]): Promise<void> {
  const queues = createQueues({ redisUrl: place.redisUrl, prefix: place.queuePrefix, retryBaseMs: 1000, logger: pino({ level: 'silent' }) });
  try {
    // As a worker that ran before would have. Without the marker a new worker takes the fresh prefix
    // for a Redis that lost its memory and re-hands every open row at start: the recovery path, not
    // the sending measured here.
    await queues.claimMemoryMarker();
    for (let i = 0; i < ids.length; i += 1000) await queues.enqueueOutbound(ids.slice(i, i + 1000));
    await markOutboundEnqueued(db, ids, new Date());
  } finally {
    await queues.close();
  }
}

async function outboxStatuses(db: Db, ids: number[]): Promise<Record<string, number>> {
  const rows = await db.execute<{ status: string; n: number }>(sql`
    select status, count(*)::int as n from outbound_messages where id between ${Math.min(...ids)} and ${Math.max(...ids)} group by status`);
  return Object.fromEntries(rows.rows.map((r) => [r.status, Number(r.n)]));
}
