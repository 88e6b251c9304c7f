import { sendHostileRequests } from './hostile-requests.ts';
import { SimulatedZalo, sleep } from './simulated-zalo.ts';
import type { SystemUnderTest } from './system-under-test.ts';

/** What a scenario did: its residents' events, when the fault ended, and anything it found wrong. */
export type ScenarioRun = { sim: SimulatedZalo; faultEndedAt: number | null; problems: string[]; notes: string[] };
export type Scenario = { name: string; recoveryBarMs: number | null; run: (sut: SystemUnderTest, firstUserId: bigint) => Promise<ScenarioRun> };

/** Ten residents writing six messages each, five messages a second in all (about 12 s). */
const steadyLoad = (sim: SimulatedZalo, firstUserId: bigint, perSecond = 5) => sim.residentsWrite({ firstUserId, residents: 10, perResident: 6, perSecond });

const simFor = (sut: SystemUnderTest) => new SimulatedZalo(() => sut.baseUrl);

export const scenarios: Scenario[] = [
  {
    name: 'Redis killed, restarted empty',
    recoveryBarMs: 30_000,
    async run(sut, firstUserId) {
      const sim = simFor(sut);
      const load = steadyLoad(sim, firstUserId);
      await sleep(4000);
      await sut.redis.kill();
      await sleep(4000);
      await sut.redis.start();
      const faultEndedAt = Date.now();
      await load;
      return { sim, faultEndedAt, problems: [], notes: ['no persistence: every queued job is gone when it returns'] };
    },
  },
  {
    name: 'Postgres stopped 10 s (fast shutdown)',
    recoveryBarMs: 60_000,
    async run(sut, firstUserId) {
      const sim = simFor(sut);
      const load = steadyLoad(sim, firstUserId);
      await sleep(4000);
      await sut.postgres.stopFast();
      await sleep(10_000);
      await sut.postgres.start();
      const faultEndedAt = Date.now();
      await load;
      const saw503 = sim.events.some((e) => e.statuses.includes(503));
      return { sim, faultEndedAt, problems: saw503 ? [] : ['the webhook never answered 503 while Postgres was down'], notes: ['webhook answers 503 while down; the simulated Zalo retries'] };
    },
  },
  {
    name: 'Workers SIGKILL mid-batch, bot SIGKILL mid-request',
    // A killed worker's active jobs keep their lock for up to JOB_LOCK_MS (15 s); the stalled check
    // runs every JOB_LOCK_MS and moves a job back only once it has seen it unlocked: 15–35 s by
    // design, plus the start of the new process and the work itself. 60 s leaves room for a busy machine.
    recoveryBarMs: 60_000,
    async run(sut, firstUserId) {
      const sim = simFor(sut);
      const load = steadyLoad(sim, firstUserId, 8);
      await sleep(2000);
      // Slow sends, so the kill lands while jobs are active and Zalo calls are in flight.
      const sendPath = '/v3.0/oa/message/cs';
      sut.fake.inject(sendPath, { kind: 'latency', ms: 2500 }, 6);
      await sleep(1000);
      const [active] = await sut.query<{ n: number }>(`select count(*)::int as n from outbound_messages where status = 'sending'`);
      await sut.restart('workers');
      await sleep(3000);
      await sut.restart('bot');
      const faultEndedAt = Date.now();
      await load;
      const sending = active?.n ?? 0;
      return {
        sim,
        faultEndedAt,
        problems: sending > 0 ? [] : ['no send was in flight when the workers were killed'],
        notes: [`${sending} sends in flight when the workers were killed`, "each killed and started again at once; a killed worker's jobs return after their lock (JOB_LOCK_MS) and the stalled check, 15–35 s"],
      };
    },
  },
  {
    name: 'Zalo −32 / HTTP 500 on 20% for 30 s, −216 once, history down',
    recoveryBarMs: 60_000,
    async run(sut, firstUserId) {
      const sim = simFor(sut);
      const refreshesBefore = sut.fake.state.callsTo('/v4/oa/access_token').length;
      const until = Date.now() + 30_000;
      sut.fake.inject('/v3.0/oa/message/cs', { kind: 'zalo-error', code: -216, message: 'Access token is invalid' });
      sut.fake.state.chaos = [
        { path: '/v3.0/oa/message/cs', rate: 0.2, until, injections: [{ kind: 'zalo-error', code: -32 }, { kind: 'http-status', status: 500 }] },
        { path: '/v2.0/oa/conversation', rate: 1, until, injections: [{ kind: 'http-status', status: 503 }] },
      ];
      await sim.residentsWrite({ firstUserId, residents: 10, perResident: 6, perSecond: 2 });
      await sleep(Math.max(0, until - Date.now()));
      sut.fake.state.chaos = [];
      const refreshes = sut.fake.state.callsTo('/v4/oa/access_token').length - refreshesBefore;
      const sends = sut.fake.state.callsTo('/v3.0/oa/message/cs').filter((c) => c.at.getTime() >= until - 30_000);
      const refused = sends.filter((c) => c.status !== 200 || (c.response as { error?: number } | null)?.error !== 0).length;
      return {
        sim,
        faultEndedAt: Date.now(),
        problems: refreshes === 1 ? [] : [`−216 once led to ${refreshes} token refreshes`],
        notes: [`${refused} of ${sends.length} sends refused or failed; ${refreshes} token refresh`, 'a 500 is an unknown outcome: checked in the history, or resent once after UNVERIFIED_RESEND_AFTER_SEC'],
      };
    },
  },
  {
    name: '10,000 hostile requests mixed into good traffic',
    recoveryBarMs: null,
    async run(sut, firstUserId) {
      const sim = simFor(sut);
      const load = steadyLoad(sim, firstUserId, 3);
      const hostile = await sendHostileRequests(sim, { total: 10_000, concurrency: 16, sampleRss: () => sut.rssKiB('bot') });
      await load;
      const problems = Object.entries(hostile.wrong).map(([what, n]) => `${n} × ${what}`);
      if (hostile.fiveHundreds > 0) problems.push(`${hostile.fiveHundreds} answers were 5xx`);
      // A leak grows with the requests; the heap growing to its working size does not. A bot
      // restarted by the scenario before starts below that size (measured 146-158 MiB in the
      // suite, 200-209 MiB alone) and may take the first half to reach it, so the bar is on the
      // second half: 25 MiB over 5,000 requests is a leak of about 5 KB a request. Measured: 1-18 MiB.
      const half = hostile.rssKiB.slice(Math.floor(hostile.rssKiB.length / 2) - 1);
      const [start = 0, ...later] = half;
      const growthMiB = (Math.max(start, ...later) - start) / 1024;
      if (growthMiB > 25) problems.push(`bot memory grew ${growthMiB.toFixed(1)} MiB over the last half of the requests`);
      const wrong = Object.values(hostile.wrong).reduce((a, b) => a + b, 0);
      const notes = [`${hostile.sent} bad requests of 11 kinds, ${wrong} answered other than expected, ${hostile.fiveHundreds} with a 5xx`, `bot RSS per 1,000 requests (MiB): ${hostile.rssKiB.map((k) => (k / 1024).toFixed(0)).join(', ')}`];
      return { sim, faultEndedAt: null, problems, notes };
    },
  },
  {
    name: 'Graceful shutdown (SIGTERM) under load',
    recoveryBarMs: 60_000,
    async run(sut, firstUserId) {
      const sim = simFor(sut);
      const load = steadyLoad(sim, firstUserId, 6);
      await sleep(4000);
      const bot = sut.processes.bot;
      const workers = sut.processes.workers;
      await Promise.all([sut.kill('bot', 'SIGTERM'), sut.kill('workers', 'SIGTERM')]);
      const exits = await Promise.all([bot.exited, workers.exited]);
      await sleep(1000);
      await sut.restart('workers');
      await sut.restart('bot');
      const faultEndedAt = Date.now();
      await load;
      const problems = exits.flatMap((e, i) => (e.code === 0 ? [] : [`${i === 0 ? 'bot' : 'workers'} did not exit cleanly on SIGTERM (${e.code ?? e.signal})`]));
      const bad = sim.events.flatMap((e) => e.statuses.filter((s) => s >= 500 && s !== 503));
      if (bad.length > 0) problems.push(`answers other than 503 while closing: ${bad.join(', ')}`);
      return { sim, faultEndedAt, problems, notes: ['both processes stopped at once, then started again'] };
    },
  },
];
