import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { loadConfig } from '../../bot/config.ts';
import { runMigrations } from '../../db/migrate.ts';

/**
 * This invocation's id. Every database and Redis key a bench makes carries it, so benches run by
 * several people on one server never touch each other's data, and a run removes exactly its own.
 * BENCH_RUN_ID lets a caller (the harness test) know the id in advance.
 */
export const benchRunId = (process.env.BENCH_RUN_ID ?? '').toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 12) || randomBytes(3).toString('hex');

/** `<configured database>_bench_<run id>`: the start of every database name this run creates. */
export function benchDatabasePrefix(databaseUrl: string): string {
  return `${new URL(databaseUrl).pathname.slice(1) || 'cdt'}_bench_${benchRunId}`;
}

/** `bench-<run id>`: the start of every BullMQ prefix this run uses. */
export function benchQueuePrefix(label: string): string {
  return `bench-${benchRunId}-${label}`;
}

export function adminUrl(databaseUrl: string): string {
  return Object.assign(new URL(databaseUrl), { pathname: '/postgres' }).toString();
}

async function asAdmin(databaseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl(databaseUrl) });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export type BenchDatabase = { url: string; name: string; drop: () => Promise<void> };

/** A fresh, migrated `<db>_bench_<run id>_<label>` next to the configured database. */
export async function createBenchDatabase(databaseUrl: string, label: string): Promise<BenchDatabase> {
  const name = `${benchDatabasePrefix(databaseUrl)}_${label}`;
  const drop = () => asAdmin(databaseUrl, `drop database if exists "${name}" with (force)`);
  await asAdmin(databaseUrl, `create database "${name}"`);
  const url = Object.assign(new URL(databaseUrl), { pathname: `/${name}` }).toString();
  try {
    await runMigrations(url);
  } catch (err) {
    await drop();
    throw err;
  }
  return { url, name, drop };
}

/** Deletes `prefix` itself and every key under `prefix:` (a BullMQ prefix's queues, locks, marker). */
export async function deleteRedisPrefix(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    deleted += await redis.del(prefix);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}

/**
 * What is still to be removed, by name. Normally each entry goes in its bench's `finally`; on
 * Ctrl-C or SIGTERM, which skip `finally` blocks, the signal handler removes what is left and
 * exits. The handler is there only while something is held, so a process that holds nothing keeps
 * the default behaviour.
 */
const pending = new Map<string, () => Promise<void>>();
const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

function onSignal(signal: NodeJS.Signals): void {
  console.error(`${signal}: removing this run's databases, Redis keys and processes…`);
  void releaseEverything().finally(() => process.exit(130));
}

export function holdUntilReleased(name: string, release: () => Promise<void>): () => Promise<void> {
  if (pending.size === 0) for (const signal of signals) process.on(signal, onSignal);
  pending.set(name, release);
  return async () => {
    if (!pending.delete(name)) return;
    if (pending.size === 0) for (const signal of signals) process.off(signal, onSignal);
    await release();
  };
}

/** Newest first: processes stop before their Redis keys and database go. */
export async function releaseEverything(): Promise<void> {
  const all = [...pending.entries()].reverse();
  pending.clear();
  // A second Ctrl-C while this runs ends the process at once.
  for (const signal of signals) process.off(signal, onSignal);
  for (const [name, release] of all) await release().catch((err: unknown) => console.error(`bench: could not remove ${name}: ${String(err)}`));
}

/** The configured servers (DATABASE_URL, REDIS_URL) unless a caller names others. */
type Servers = { databaseUrl: string; redisUrl: string };

export type BenchPlace = { databaseUrl: string; redisUrl: string; queuePrefix: string; databaseName: string };

/**
 * Runs `work` with a database and a Redis prefix of its own, named after `label`, and removes both
 * afterwards, whether it succeeded or threw.
 */
export async function withBenchPlace<T>(label: string, work: (place: BenchPlace) => Promise<T>, servers: Servers = loadConfig()): Promise<T> {
  const queuePrefix = benchQueuePrefix(label);
  const database = await createBenchDatabase(servers.databaseUrl, label);
  const dropDatabase = holdUntilReleased(`database ${database.name}`, database.drop);
  const deleteKeys = holdUntilReleased(`Redis keys ${queuePrefix}`, async () => void (await deleteRedisPrefix(servers.redisUrl, queuePrefix)));
  try {
    return await work({ databaseUrl: database.url, redisUrl: servers.redisUrl, queuePrefix, databaseName: database.name });
  } finally {
    await deleteKeys();
    await dropDatabase();
  }
}
