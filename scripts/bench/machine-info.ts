import os from 'node:os';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { BurstCost } from './burst-cost.ts';

/** os.loadavg(), two decimals. */
export function loadNow(): number[] {
  return os.loadavg().map((l) => Number(l.toFixed(2)));
}

/** What the figures were measured on; the load averages say how busy the (shared) machine was. */
export async function describeMachine(p: { databaseUrl: string; redisUrl: string; loadAtStart: number[]; burstCost: BurstCost }): Promise<Record<string, unknown>> {
  const cpus = os.cpus();
  return {
    cpu_model: cpus[0]?.model ?? 'unknown',
    cpus: cpus.length,
    total_memory_gib: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: await postgresVersion(p.databaseUrl).catch((err: unknown) => `unknown (${String(err)})`),
    postgres_settings: await postgresSettings(p.databaseUrl).catch((err: unknown) => `unknown (${String(err)})`),
    redis: await redisVersion(p.redisUrl).catch((err: unknown) => `unknown (${String(err)})`),
    loadavg_start: p.loadAtStart,
    loadavg_end: loadNow(),
    burst_cost: p.burstCost,
  };
}

async function postgresVersion(databaseUrl: string): Promise<string> {
  return withServer(databaseUrl, async (client) => String((await client.query<{ server_version: string }>('show server_version')).rows[0]?.server_version));
}

/**
 * The server settings the write-heavy figures depend on. A shared or CI server may differ from
 * the defaults the Docker image runs with (this machine's has autovacuum off, for one), and a
 * reader comparing runs should see that without asking.
 */
const reportedSettings = ['fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes', 'autovacuum', 'shared_buffers', 'max_connections'];

async function postgresSettings(databaseUrl: string): Promise<Record<string, string>> {
  return withServer(databaseUrl, async (client) => {
    const rows = (await client.query<{ name: string; value: string }>('select name, current_setting(name) as value from pg_settings where name = any($1) order by name', [reportedSettings])).rows;
    return Object.fromEntries(rows.map((r) => [r.name, r.value]));
  });
}

async function withServer<T>(databaseUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: Object.assign(new URL(databaseUrl), { pathname: '/postgres' }).toString() });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

async function redisVersion(redisUrl: string): Promise<string> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    return /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown';
  } finally {
    redis.disconnect();
  }
}
