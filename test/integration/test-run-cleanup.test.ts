import pg from 'pg';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { adminUrl, deleteRedisPrefix, dropDatabasesWithPrefix, runDatabasePrefix } from '../helpers/test-services.ts';

const base = inject('databaseBaseUrl');

async function databaseNames(): Promise<string[]> {
  const admin = new pg.Client({ connectionString: adminUrl(base) });
  await admin.connect();
  try {
    return (await admin.query<{ datname: string }>('select datname from pg_database')).rows.map((r) => r.datname);
  } finally {
    await admin.end();
  }
}

async function createDatabases(names: string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl(base) });
  await admin.connect();
  try {
    for (const name of names) await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
}

describe("a test run's cleanup (shared servers)", () => {
  const mine = runDatabasePrefix(base, 'cleanupmine');
  const other = runDatabasePrefix(base, 'cleanupother');
  afterAll(async () => {
    await dropDatabasesWithPrefix(base, other);
  });

  it("drops exactly the run's own databases and leaves another run's alone", async () => {
    await createDatabases([`${mine}_tpl`, `${mine}_a1`, `${other}_tpl`]);
    const dropped = await dropDatabasesWithPrefix(base, mine);
    expect(dropped.sort()).toEqual([`${mine}_a1`, `${mine}_tpl`]);
    const left = await databaseNames();
    expect(left).not.toContain(`${mine}_tpl`);
    expect(left).toContain(`${other}_tpl`);
  });

  it("deletes exactly the run's own Redis keys", async () => {
    const redis = new Redis(inject('redisUrl'));
    try {
      await redis.set('test-cleanupmine-ab:bull:x', '1');
      await redis.set('test-cleanupother-cd:bull:x', '1');
      await deleteRedisPrefix(inject('redisUrl'), 'test-cleanupmine-');
      expect(await redis.exists('test-cleanupmine-ab:bull:x')).toBe(0);
      expect(await redis.exists('test-cleanupother-cd:bull:x')).toBe(1);
    } finally {
      await redis.del('test-cleanupother-cd:bull:x');
      redis.disconnect();
    }
  });
});
