import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';

/** Where tests find Postgres: TEST_DATABASE_URL (set by `npm test`), or the local default. */
export function testDatabaseBaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/cdt_test';
}

export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

export function templateDatabaseName(baseUrl: string): string {
  return `${new URL(baseUrl).pathname.slice(1) || 'cdt_test'}_template`;
}

export function adminUrl(baseUrl: string): string {
  const u = new URL(baseUrl);
  u.pathname = '/postgres';
  return u.toString();
}

export type TestDatabase = { url: string; name: string; drop: () => Promise<void> };

/** A fresh, migrated database cloned from the run's template; dropped by `drop()`. */
export async function createTestDatabase(baseUrl: string, template: string): Promise<TestDatabase> {
  const name = `cdt_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
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

/** A BullMQ key prefix no other test file uses. */
export function uniqueQueuePrefix(): string {
  return `test-${randomUUID().slice(0, 8)}`;
}

/** Deletes every Redis key under a prefix. */
export async function deleteRedisPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
