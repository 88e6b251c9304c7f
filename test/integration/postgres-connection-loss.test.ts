import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb } from '../../db/client.ts';
import type { DbHandle } from '../../db/client.ts';
import { createTestDatabase } from '../helpers/test-services.ts';
import type { TestDatabase } from '../helpers/test-services.ts';

/**
 * Issue 8, point 1: Postgres terminating our connections (what a restart does: 57P01 to every
 * backend) must not kill the process, whether the connection was idle or inside a transaction.
 */
let database: TestDatabase;
let handle: DbHandle;
let admin: DbHandle;
const lost: Error[] = [];
const uncaught: unknown[] = [];
const onUncaught = (err: unknown) => void uncaught.push(err);

beforeAll(async () => {
  database = await createTestDatabase(inject('databaseBaseUrl'), inject('templateDatabase'));
  handle = createDb(database.url, { onConnectionError: (err) => void lost.push(err) });
  admin = createDb(database.url);
  process.on('uncaughtException', onUncaught);
});
afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  await handle?.close();
  await admin?.close();
  await database?.drop();
});

const terminateOthers = () =>
  admin.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);

describe('a Postgres connection terminated by the server', () => {
  it('fails the transaction in flight, keeps the process up, and the next query reconnects', async () => {
    await handle.db.execute(sql`select 1`);
    const inFlight = handle.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await admin.db.execute(sql`select 1`); // the admin pool has its own connection
      await terminateOthers();
      await tx.execute(sql`select pg_sleep(0.2)`);
    });
    await expect(inFlight).rejects.toThrow();
    // Idle connections are cut too.
    await terminateOthers();
    await new Promise((r) => setTimeout(r, 200));
    const [row] = (await handle.db.execute(sql`select 42 as answer`)).rows;
    expect(row).toMatchObject({ answer: 42 });
    expect(uncaught).toEqual([]);
    expect(lost.length).toBeGreaterThanOrEqual(1);
  });
});
