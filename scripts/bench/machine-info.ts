import os from 'node:os';
import { Redis } from 'ioredis';
import pg from 'pg';

/** os.loadavg(), two decimals. */
export function loadNow(): number[] {
  return os.loadavg().map((l) => Number(l.toFixed(2)));
}

/** What the figures were measured on; the load averages say how busy the (shared) machine was. */
export async function describeMachine(p: { databaseUrl: string; redisUrl: string; loadAtStart: number[] }): Promise<Record<string, unknown>> {
  const cpus = os.cpus();
  return {
    cpu_model: cpus[0]?.model ?? 'unknown',
    cpus: cpus.length,
    total_memory_gib: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: await postgresVersion(p.databaseUrl).catch((err: unknown) => `unknown (${String(err)})`),
    redis: await redisVersion(p.redisUrl).catch((err: unknown) => `unknown (${String(err)})`),
    loadavg_start: p.loadAtStart,
    loadavg_end: loadNow(),
  };
}

async function postgresVersion(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: Object.assign(new URL(databaseUrl), { pathname: '/postgres' }).toString() });
  await client.connect();
  try {
    return String((await client.query<{ server_version: string }>('show server_version')).rows[0]?.server_version);
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
