import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { inject } from 'vitest';

/** Where tests find Postgres: TEST_DATABASE_URL (set by `npm test`), or the local default. */
export function testDatabaseBaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/cdt_test';
}

export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/**
 * One test run's id: TEST_RUN_ID when CI sets one, otherwise random. Every database and Redis key a
 * run creates carries it, so two runs on a shared server never touch each other's data, and a run
 * cleans up exactly what it made.
 */
export function newTestRunId(): string {
  const given = process.env.TEST_RUN_ID?.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 12);
  return given || randomBytes(4).toString('hex');
}

/** `<base database>_<run id>`: the prefix of every database this run creates. */
export function runDatabasePrefix(baseUrl: string, runId: string): string {
  return `${new URL(baseUrl).pathname.slice(1) || 'cdt_test'}_${runId}`;
}

export function templateDatabaseName(baseUrl: string, runId: string): string {
  return `${runDatabasePrefix(baseUrl, runId)}_tpl`;
}

export function adminUrl(baseUrl: string): string {
  const u = new URL(baseUrl);
  u.pathname = '/postgres';
  return u.toString();
}

export type TestDatabase = { url: string; name: string; drop: () => Promise<void> };

/** A fresh, migrated database cloned from the run's template; dropped by `drop()`. */
export async function createTestDatabase(baseUrl: string, template: string, runId: string = inject('runId')): Promise<TestDatabase> {
  const name = `${runDatabasePrefix(baseUrl, runId)}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl(baseUrl) });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl(baseUrl) });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * A BullMQ key prefix no other test file uses, under the run's own prefix. With
 * TEST_QUEUE_HASH_TAG=1 it is a Redis Cluster hash tag, `{test-<run id>-<random>}`, as a deployment on
 * a cluster sets QUEUE_PREFIX, so the whole suite can run that way.
 */
export function uniqueQueuePrefix(runId: string = inject('runId')): string {
  const prefix = `${runQueuePrefix(runId)}-${randomUUID().slice(0, 8)}`;
  return process.env.TEST_QUEUE_HASH_TAG === '1' ? `{${prefix}}` : prefix;
}

export function runQueuePrefix(runId: string): string {
  return `test-${runId}`;
}

/** Drops every database whose name starts with the prefix (a run's leftovers after a crash). */
export async function dropDatabasesWithPrefix(baseUrl: string, prefix: string): Promise<string[]> {
  const admin = new pg.Client({ connectionString: adminUrl(baseUrl) });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where starts_with(datname, $1)`, [`${prefix}_`]);
    for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
    return rows.map((r) => r.datname);
  } finally {
    await admin.end();
  }
}

/**
 * Deletes every Redis key whose name starts with the prefix (`test-ab12-cd34` or a whole run's
 * `test-ab12`). A hash-tagged prefix (`{test-ab12-cd34}`) works alike: braces are not special in
 * SCAN's pattern, and the prefixes QUEUE_PREFIX accepts hold none of the characters that are.
 */
export async function deleteRedisPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
