import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import pg from 'pg';
import { runMigrations } from '../../db/migrate.ts';

/** The end-to-end benchmark's own services and processes, made for one run and removed after it. */

/** Creates and migrates `<db>_bench_<random>` next to the configured database; returns its URL and a dropper. */
export async function createScratchDatabase(databaseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = new URL(databaseUrl);
  const name = `${url.pathname.slice(1) || 'cdt'}_bench_${randomBytes(4).toString('hex')}`;
  const adminUrl = Object.assign(new URL(databaseUrl), { pathname: '/postgres' }).toString();
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return { url: url.toString(), drop: () => admin(`drop database if exists "${name}" with (force)`) };
}

/** Deletes every Redis key under the run's queue prefix. */
export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

export type Counters = { pg: number; redisCommands: number; redisPipelines: number; cpuMs: number };
export type Launched = { child: ChildProcess; latest: () => Counters | null };

/**
 * Runs `entry` as its own Node process, with `nodeArgs` (e.g. `--cpu-prof`) before it. Lines are echoed to stderr (stdout stays for results);
 * with `counted`, the round-trip counter is preloaded and its latest reading kept.
 */
export function launch(name: string, entry: string, env: NodeJS.ProcessEnv, counted: boolean, nodeArgs: string[] = []): Launched {
  const preload = counted ? ['--import', './scripts/bench/count-round-trips.ts'] : [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ...preload, entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let latest: Counters | null = null;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      if (line.startsWith('BENCH-COUNTERS ')) latest = readCounters(line.slice('BENCH-COUNTERS '.length));
      else console.error(`${name} | ${line}`);
    });
  }
  return { child, latest: () => latest };
}

function readCounters(json: string): Counters {
  const value: unknown = JSON.parse(json);
  const field = (key: string) => (typeof value === 'object' && value !== null ? Number(Reflect.get(value, key) ?? 0) : 0);
  return { pg: field('pg'), redisCommands: field('redisCommands'), redisPipelines: field('redisPipelines'), cpuMs: field('cpuMs') };
}

/** Who received a message from the OA, and when (epoch ms), as the stand-in reports it. */
export type Delivery = { to: string; at: number };
export type StandIn = { url: string; child: ChildProcess; onDelivery: (listener: (d: Delivery) => void) => () => void };

/** Starts the Zalo stand-in (e2e-stand-in.ts) as its own process and waits for its URL. */
export async function launchStandIn(): Promise<StandIn> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/e2e-stand-in.ts'], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const listeners = new Set<(d: Delivery) => void>();
  child.on('message', (message: unknown) => {
    if (typeof message !== 'object' || message === null) return;
    const delivery = { to: String(Reflect.get(message, 'to')), at: Number(Reflect.get(message, 'at')) };
    for (const listener of listeners) listener(delivery);
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout ?? process.stdin }).once('line', (line) => {
      const parsed: unknown = JSON.parse(line);
      const value = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'url') : null;
      if (typeof value === 'string') resolve(value);
      else reject(new Error(`stand-in said ${line}`));
    });
    child.once('exit', () => reject(new Error('the stand-in exited')));
  });
  return {
    url,
    child,
    onDelivery(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
