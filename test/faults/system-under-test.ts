import { readFileSync } from 'node:fs';
import pg from 'pg';
import { createDb } from '../../db/client.ts';
import { runMigrations } from '../../db/migrate.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { startFakeZalo } from '../../scripts/local/zalo-stand-in/fake-zalo.ts';
import type { FakeZalo } from '../../scripts/local/zalo-stand-in/fake-zalo.ts';
import { freePort, startNodeProcess } from '../helpers/node-process.ts';
import type { NodeProcess } from '../helpers/node-process.ts';
import { testZalo, zaloEnv } from '../../scripts/local/local-zalo-credentials.ts';
import { startOwnPostgres, startOwnRedis } from './own-services.ts';
import type { OwnPostgres, OwnRedis } from './own-services.ts';

export type Role = 'bot' | 'workers';

/**
 * The whole product as it is deployed — the bot and the workers as separate processes of their
 * production entry points — against the suite's own Postgres and Redis and a fake Zalo that can be
 * told to misbehave. Remembers every line the processes logged, and every exit it did not cause.
 */
export type SystemUnderTest = {
  baseUrl: string;
  fake: FakeZalo;
  postgres: OwnPostgres;
  redis: OwnRedis;
  /** A direct connection for the suite's own checks. */
  query: <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<R[]>;
  processes: Record<Role, NodeProcess>;
  /** Starts a stopped (or killed) process again with the same settings. */
  restart: (role: Role) => Promise<void>;
  kill: (role: Role, signal: NodeJS.Signals) => Promise<void>;
  /** Exits nobody asked for ("the process died"). */
  unexpectedExits: () => string[];
  /** Everything every process wrote, across restarts. */
  logs: () => string;
  rssKiB: (role: Role) => number;
  stop: () => Promise<void>;
};

export async function startSystemUnderTest(options: { unverifiedResendAfterSec: number }): Promise<SystemUnderTest> {
  const postgres = await startOwnPostgres();
  const redis = await startOwnRedis();
  const admin = new pg.Client({ connectionString: postgres.url('postgres') });
  await admin.connect();
  await admin.query('create database cdt');
  await admin.end();
  const databaseUrl = postgres.url('cdt');
  await runMigrations(databaseUrl);
  const seeding = createDb(databaseUrl);
  await seedDemoCommune(seeding.db);
  await seeding.close();

  const fake = await startFakeZalo({ ...testZalo });
  const port = await freePort();
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: 'faults',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    // Line by line: the personal-data check reads every log line, also the last ones of a process
    // killed outright, which the default batching may lose (bot/log-destination.ts).
    LOG_SYNC: 'true',
    OUTBOUND_RATE_PER_SEC: '50',
    ZALO_HTTP_TIMEOUT_MS: '3000',
    UNVERIFIED_RESEND_AFTER_SEC: String(options.unverifiedResendAfterSec),
    ...zaloEnv(fake.url),
  };
  const entries: Record<Role, string> = { bot: 'bot/main.ts', workers: 'workers/main.ts' };
  const pastLogs: string[] = [];
  const deaths: string[] = [];
  const expected = new Set<NodeProcess>();
  const launch = (role: Role): NodeProcess => {
    const proc = startNodeProcess(entries[role], env);
    void proc.exited.then(({ code, signal }) => {
      if (!expected.has(proc)) deaths.push(`${role} exited (code ${code}, signal ${signal}): ${proc.output().slice(-1500)}`);
    });
    return proc;
  };
  const processes: Record<Role, NodeProcess> = { bot: launch('bot'), workers: launch('workers') };
  const checks = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  checks.on('error', () => {});
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(baseUrl, processes.bot);

  return {
    baseUrl,
    fake,
    postgres,
    redis,
    async query(text, values) {
      return (await checks.query(text, values)).rows;
    },
    processes,
    async restart(role) {
      const old = processes[role];
      expected.add(old);
      await old.kill('SIGKILL');
      pastLogs.push(old.output());
      processes[role] = launch(role);
      if (role === 'bot') await waitUntilReady(baseUrl, processes.bot);
    },
    async kill(role, signal) {
      expected.add(processes[role]);
      await processes[role].kill(signal);
    },
    unexpectedExits: () => [...deaths],
    logs: () => [...pastLogs, processes.bot.output(), processes.workers.output()].join('\n'),
    rssKiB(role) {
      const pid = processes[role].child.pid;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    },
    async stop() {
      for (const proc of Object.values(processes)) expected.add(proc);
      await Promise.all(Object.values(processes).map((p) => p.kill('SIGTERM')));
      await checks.end();
      await fake.close();
      await redis.remove();
      await postgres.remove();
    },
  };
}

/** The bot answers /healthz once it listens; Postgres and Redis may still be coming back. */
async function waitUntilReady(baseUrl: string, bot: NodeProcess, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!bot.running()) throw new Error(`the bot exited while starting:\n${bot.output().slice(-3000)}`);
    const ok = await fetch(`${baseUrl}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the bot did not answer within ${timeoutMs} ms:\n${bot.output().slice(-3000)}`);
}
