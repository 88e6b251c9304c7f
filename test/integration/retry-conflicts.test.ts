import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../../db/client.ts';
import type { Tx } from '../../db/client.ts';
import { transactionRetryingConflicts } from '../../db/retry-conflicts.ts';
import { createTestDatabase } from '../helpers/test-services.ts';
import type { TestDatabase } from '../helpers/test-services.ts';

let database: TestDatabase;
let handle: ReturnType<typeof createDb>;
beforeAll(async () => {
  database = await createTestDatabase(inject('databaseBaseUrl'), inject('templateDatabase'));
  handle = createDb(database.url);
  await handle.db.execute(sql`create table counters (id int primary key, n int not null)`);
  await handle.db.execute(sql`insert into counters values (1, 0), (2, 0)`);
});
afterAll(async () => {
  await handle?.close();
  await database?.drop();
});

const bump = (tx: Tx, id: number) => tx.execute(sql`update counters set n = n + 1 where id = ${id}`);
const counts = async () => (await handle.db.execute<{ id: number; n: number }>(sql`select id, n from counters order by id`)).rows.map((r) => r.n);

describe('a transaction Postgres aborts for a conflict', () => {
  it('is run again: two that deadlock on each other both commit, once each', async () => {
    // Each takes one row, waits until the other has taken its own, then asks for the other's: a
    // deadlock, which Postgres breaks by aborting one of them (after deadlock_timeout, 1 s).
    let firstHalves = 0;
    let release: () => void = () => undefined;
    const bothHoldOne = new Promise<void>((resolve) => (release = resolve));
    const runs = { a: 0, b: 0 };
    const crossing = (name: 'a' | 'b', first: number, second: number) => async (tx: Tx) => {
      runs[name] += 1;
      await bump(tx, first);
      if (runs[name] === 1) {
        firstHalves += 1;
        if (firstHalves === 2) release();
        await bothHoldOne;
      }
      await bump(tx, second);
      return name;
    };
    const done = await Promise.all([transactionRetryingConflicts(handle.db, crossing('a', 1, 2)), transactionRetryingConflicts(handle.db, crossing('b', 2, 1))]);
    expect(done).toEqual(['a', 'b']);
    expect(runs.a + runs.b).toBe(3);
    expect(await counts()).toEqual([2, 2]);
  });

  it('is not run again for any other failure', async () => {
    let runs = 0;
    const failing = transactionRetryingConflicts(handle.db, async (tx) => {
      runs += 1;
      await tx.execute(sql`insert into counters values (1, 0)`);
    });
    await expect(failing).rejects.toThrow();
    expect(runs).toBe(1);
  });
});
