import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb } from '../../db/client.ts';
import type { DbHandle, Tx } from '../../db/client.ts';
import { CommittedAlreadyError, committing } from '../../db/pipelined-transactions.ts';
import { prepared } from '../../db/prepared-statements.ts';
import { createTestDatabase } from '../helpers/test-services.ts';
import type { TestDatabase } from '../helpers/test-services.ts';

let database: TestDatabase;
let handle: DbHandle;
/** Answers Postgres gave on the handle's one connection: one per round trip. */
let roundTrips = 0;

beforeAll(async () => {
  database = await createTestDatabase(inject('databaseBaseUrl'), inject('templateDatabase'));
  handle = createDb(database.url, { maxConnections: 1 });
  handle.pool.on('connect', (client) => {
    const wire: unknown = Reflect.get(client, 'connection');
    if (wire instanceof Object && 'on' in wire && typeof wire.on === 'function') wire.on('readyForQuery', () => (roundTrips += 1));
  });
  await handle.db.execute(sql`create table probe (id int primary key, tx bigint not null)`);
});
afterAll(async () => {
  await handle.close();
  await database.drop();
});

const insert = (id: number) => prepared(sql`insert into probe values (${id}, txid_current()) returning tx`);
const insertLast = (id: number) => prepared(committing(sql`insert into probe values (${id}, txid_current()) returning tx`));

/** What another connection sees: committed rows only. */
async function committedIds(): Promise<number[]> {
  const other = new pg.Client({ connectionString: database.url });
  await other.connect();
  try {
    return (await other.query<{ id: number }>('select id from probe order by id')).rows.map((r) => r.id);
  } finally {
    await other.end();
  }
}

async function counted<T>(work: () => Promise<T>): Promise<{ result: T; roundTrips: number }> {
  const before = roundTrips;
  const result = await work();
  return { result, roundTrips: roundTrips - before };
}

const txOf = (rows: Record<string, unknown>[]) => String(rows[0]?.tx);

describe('pipelined transaction brackets', () => {
  it('send BEGIN with the first statement and COMMIT with the one marked last: two round trips, one transaction', async () => {
    // First run on the connection: the statements get prepared, BEGIN goes on its own.
    await handle.db.transaction(async (tx) => {
      await tx.execute(insert(1));
      await tx.execute(insertLast(2));
    });
    const { result, roundTrips: trips } = await counted(() =>
      handle.db.transaction(async (tx: Tx) => {
        const a = await tx.execute(insert(3));
        const b = await tx.execute(insertLast(4));
        return [txOf(a.rows), txOf(b.rows)];
      }),
    );
    expect(trips).toBe(2);
    expect(result[0]).toBe(result[1]);
    expect(await committedIds()).toEqual([1, 2, 3, 4]);
  });

  it('roll the whole transaction back when the last statement fails, and leave the connection usable', async () => {
    const failing = handle.db.transaction(async (tx) => {
      await tx.execute(insert(10));
      await tx.execute(insertLast(1)); // duplicate key
    });
    await expect(failing).rejects.toThrow(/probe/);
    expect(await committedIds()).not.toContain(10);
    expect((await handle.db.execute<{ one: number }>(sql`select 1 as one`)).rows).toEqual([{ one: 1 }]);
    await handle.db.transaction(async (tx) => tx.execute(insertLast(11)));
    expect(await committedIds()).toContain(11);
  });

  it('roll back when the statement sent with BEGIN fails', async () => {
    const failing = handle.db.transaction(async (tx) => {
      await tx.execute(insert(1)); // duplicate key, sent with BEGIN
      await tx.execute(insertLast(20));
    });
    await expect(failing).rejects.toThrow(/probe/);
    expect(await committedIds()).not.toContain(20);
    await handle.db.transaction(async (tx) => tx.execute(insert(21)));
    expect(await committedIds()).toContain(21);
  });

  it('keep an ordinary transaction atomic: a throw after its statements rolls them back', async () => {
    const failing = handle.db.transaction(async (tx) => {
      await tx.execute(insert(30));
      await tx.execute(insert(31));
      throw new Error('changed my mind');
    });
    await expect(failing).rejects.toThrow('changed my mind');
    expect(await committedIds()).not.toContain(30);
  });

  it('refuse loudly to roll back what the marked statement committed', async () => {
    const late = handle.db.transaction(async (tx) => {
      await tx.execute(insert(40));
      await tx.execute(insertLast(41));
      throw new Error('too late');
    });
    // drizzle reports it as the failure of its ROLLBACK, with ours as the cause.
    const error: unknown = await late.catch((err: unknown) => err);
    expect(error instanceof Error ? error.cause : error).toBeInstanceOf(CommittedAlreadyError);
    expect(await committedIds()).toEqual(expect.arrayContaining([40, 41]));
  });

  it('send nothing for a transaction with no statement', async () => {
    const { roundTrips: trips } = await counted(() => handle.db.transaction(async () => 'nothing'));
    expect(trips).toBe(0);
  });

  it('run a marked statement outside a transaction on its own, leaving the next transaction whole', async () => {
    await handle.db.execute(insertLast(50));
    const failing = handle.db.transaction(async (tx) => {
      await tx.execute(insert(51));
      throw new Error('undo');
    });
    await expect(failing).rejects.toThrow('undo');
    const ids = await committedIds();
    expect(ids).toContain(50);
    expect(ids).not.toContain(51);
  });
});
