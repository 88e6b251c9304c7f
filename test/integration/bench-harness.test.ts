import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { benchRunId, withBenchPlace } from '../../scripts/bench/bench-resources.ts';
import { measureRate } from '../../scripts/bench/fanout-rate.ts';
import { reportOf, resultsTable } from '../../scripts/bench/results-table.ts';
import { adminUrl } from '../helpers/test-services.ts';

const run = promisify(execFile);
const servers = { databaseUrl: inject('databaseBaseUrl'), redisUrl: inject('redisUrl') };

async function databaseNames(): Promise<string[]> {
  const admin = new pg.Client({ connectionString: adminUrl(servers.databaseUrl) });
  await admin.connect();
  try {
    return (await admin.query<{ datname: string }>('select datname from pg_database')).rows.map((r) => r.datname);
  } finally {
    await admin.end();
  }
}

async function redisKeys(pattern: string): Promise<string[]> {
  const redis = new Redis(servers.redisUrl);
  try {
    return await redis.keys(pattern);
  } finally {
    redis.disconnect();
  }
}

describe('npm run bench', () => {
  it("gives each bench a migrated database and a Redis prefix, and removes both, also when the bench fails", async () => {
    const redis = new Redis(servers.redisUrl);
    let seen = { database: '', prefix: '' };
    try {
      const failing = withBenchPlace(
        'harness',
        async (place) => {
          seen = { database: place.databaseName, prefix: place.queuePrefix };
          const db = new pg.Client({ connectionString: place.databaseUrl });
          await db.connect();
          // Migrated: the outbox is there.
          await db.query('select count(*) from outbound_messages').finally(() => db.end());
          await redis.set(`${place.queuePrefix}:outbound:wait`, '1');
          throw new Error('the bench broke');
        },
        servers,
      );
      await expect(failing).rejects.toThrow('the bench broke');
    } finally {
      redis.disconnect();
    }
    expect(seen.database).toContain(`_bench_${benchRunId}_harness`);
    expect(await databaseNames()).not.toContain(seen.database);
    expect(await redisKeys(`${seen.prefix}*`)).toEqual([]);
  });

  it('prints one JSON object on stdout, with the mode, the machine and the chosen bench, and leaves nothing behind', async () => {
    const runId = `hx${randomBytes(4).toString('hex')}`;
    const env = { ...process.env, BENCH_RUN_ID: runId, DATABASE_URL: servers.databaseUrl, REDIS_URL: servers.redisUrl };
    // As `npm run bench` runs it: through the bootstrap, which checks the services first.
    const { stdout } = await run(process.execPath, ['scripts/bootstrap.mjs', 'bench', '--quick', '--only', 'nlu'], { env, maxBuffer: 10_000_000 });
    // The whole of stdout is the one object: the bootstrap's and the bench's progress went to stderr.
    const report: unknown = JSON.parse(stdout);
    // What `npm run bench > report.json` saves starts with npm's own lines; the table reads past them.
    expect(reportOf(`\n> cdt-zalo-assistant@0.1.0 bench\n> node scripts/bootstrap.mjs bench --quick\n\n${stdout}`)).toEqual(report);
    expect(report).toMatchObject({ mode: 'quick', run_id: runId, benches: ['nlu'], failed: [], machine: { cpus: expect.any(Number), node: process.version } });
    expect(report).toHaveProperty('machine.loadavg_start');
    expect(report).toHaveProperty('machine.burst_cost.ratio', expect.any(Number));
    expect(report).toHaveProperty('machine.postgres', expect.stringMatching(/^\d+/));
    expect(report).toHaveProperty('machine.postgres_settings.fsync', expect.stringMatching(/^(on|off)$/));
    expect(report).toHaveProperty('machine.postgres_settings.autovacuum', expect.stringMatching(/^(on|off)$/));
    expect(report).toHaveProperty('nlu.intents_per_s', expect.any(Number));
    expect(report).toHaveProperty('nlu.reports_per_s', expect.any(Number));
    expect(report).not.toHaveProperty('fanout');
    // docs/benchmarks.md's table is made from the same object.
    expect(resultsTable(report)).toMatch(/\| intents per CPU-second \| [\d,]+ \/s \|/);
    expect(resultsTable(report)).toContain('| fan-out duplicates | not run |');
    expect(await databaseNames()).not.toEqual(expect.arrayContaining([expect.stringContaining(`_bench_${runId}`)]));
    expect(await redisKeys(`bench-${runId}*`)).toEqual([]);
    // CPU-bound: on a busy shared machine the quick rounds take several times their idle ~10 s.
  }, 90_000);

  it('refuses an unknown bench by name, printing nothing on stdout', async () => {
    const failed = run(process.execPath, ['--import', 'tsx', 'scripts/bench/index.ts', '--only', 'nlu,nonsense'], { env: process.env });
    await expect(failed).rejects.toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('unknown bench nonsense') });
  });

  it("fan-out: a limiter that sends each second's budget in a burst is measured at its limit, and a row delivered twice is counted", () => {
    const start = Date.parse('2026-12-01T08:00:00Z');
    const reminder = (i: number, atMs: number) => ({ messageId: `m${i}-${atMs}`, to: `group:g-${i % 150}`, message: {}, text: `nhắc ${i}`, at: new Date(start + atMs), oaId: 'oa-1' });
    // Three seconds of 60 messages, each second's sent in its first 60 ms, then the fourth second's first one.
    const delivered = Array.from({ length: 181 }, (_, i) => reminder(i, Math.floor(i / 60) * 1000 + (i % 60)));
    expect(measureRate(delivered, 60)).toMatchObject({ delivered: 181, achieved_per_s: 60, rate_error_pct: 0, duplicates: 0, per_second: { whole_seconds: 3, min: 60, max: 60 } });
    expect(measureRate([...delivered, reminder(5, 2500)], 60).duplicates).toBe(1);
  });

  it("fan-out: a quiet OA's first-second burst is shown apart from the rate the limiter then keeps", () => {
    const start = Date.parse('2026-12-01T08:00:00Z');
    const reminder = (i: number, atMs: number) => ({ messageId: `m${i}`, to: `group:g-${i}`, message: {}, text: `nhắc ${i}`, at: new Date(start + atMs), oaId: 'oa-1' });
    // One second's worth at once, then 60 a second evenly for four seconds, then one more.
    const burst = Array.from({ length: 60 }, (_, i) => reminder(i, i));
    const paced = Array.from({ length: 241 }, (_, i) => reminder(60 + i, Math.round((i * 1000) / 60)));
    expect(measureRate([...burst, ...paced], 60)).toMatchObject({ delivered: 301, first_second: 120, achieved_per_s: 60, rate_error_pct: 0, per_second: { whole_seconds: 4, max: 120 } });
  });
});
