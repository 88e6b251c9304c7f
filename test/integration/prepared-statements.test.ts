import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb } from '../../db/client.ts';
import type { DbHandle } from '../../db/client.ts';
import { prepared } from '../../db/prepared-statements.ts';
import { insertInboundEvents } from '../../db/queries/inbound-events.ts';
import { createTestDatabase } from '../helpers/test-services.ts';
import type { TestDatabase } from '../helpers/test-services.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase(inject('databaseBaseUrl'), inject('templateDatabase'));
});
afterAll(async () => database.drop());

/** Runs `statement` twice on one connection, then lists the statements that connection holds prepared. */
async function preparedAfter(handle: DbHandle, statements: ReturnType<typeof sql>[]): Promise<{ statement: string; count: number }[]> {
  return handle.db.transaction(async (tx) => {
    for (const s of statements) {
      await tx.execute(s);
      await tx.execute(s);
    }
    const rows = await tx.execute<{ statement: string }>(sql`select statement from pg_prepared_statements`);
    const counts = new Map<string, number>();
    for (const r of rows.rows) counts.set(r.statement, (counts.get(r.statement) ?? 0) + 1);
    return [...counts].map(([statement, count]) => ({ statement, count }));
  });
}

describe('marked statements', () => {
  it('are prepared once per connection and answer as before; unmarked ones are not prepared', async () => {
    const handle = createDb(database.url, { maxConnections: 1 });
    try {
      const marked = prepared(sql`select ${41}::int + 1 as answer`);
      expect((await handle.db.execute<{ answer: number }>(marked)).rows).toEqual([{ answer: 42 }]);
      const held = await preparedAfter(handle, [marked, sql`select ${1}::int as plain`]);
      expect(held).toEqual([{ statement: expect.stringContaining('select $1::int + 1 as answer') as unknown, count: 1 }]);
      // Same text, other values: the prepared statement is reused and answers for the new values.
      expect((await handle.db.execute<{ answer: number }>(prepared(sql`select ${1}::int + 1 as answer`))).rows).toEqual([{ answer: 2 }]);
    } finally {
      await handle.close();
    }
  });

  it('prepare each variant of a statement apart', async () => {
    const handle = createDb(database.url, { maxConnections: 1 });
    try {
      const held = await preparedAfter(handle, [prepared(sql`select ${1}::int as a`), prepared(sql`select ${1}::int as a, ${2}::int as b`)]);
      expect(held.map((h) => h.count)).toEqual([1, 1]);
      expect(held).toHaveLength(2);
    } finally {
      await handle.close();
    }
  });

  it('run unnamed when turned off (DATABASE_PREPARED_STATEMENTS=false)', async () => {
    const handle = createDb(database.url, { maxConnections: 1, preparedStatements: false });
    try {
      expect(await preparedAfter(handle, [prepared(sql`select ${1}::int as a`)])).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it('include the webhook batch insert, which goes to pg without drizzle', async () => {
    const handle = createDb(database.url, { maxConnections: 1 });
    try {
      const row = (key: string) => ({ source: 'oa_webhook' as const, oaId: 'oa', eventName: 'user_send_text', senderId: 's', dedupeKey: key, payload: '{}', status: 'received' as const, lastError: null, receivedAt: new Date() });
      const first = await insertInboundEvents(handle.pool, [row('prep:1'), row('prep:2')]);
      const again = await insertInboundEvents(handle.pool, [row('prep:2'), row('prep:3')]);
      expect(first.map((r) => r.dedupeKey)).toEqual(['prep:1', 'prep:2']);
      expect(again.map((r) => r.dedupeKey)).toEqual(['prep:3']);
      const held = await handle.pool.query<{ statement: string }>('select statement from pg_prepared_statements');
      expect(held.rows.filter((r) => r.statement.includes('insert into inbound_events'))).toHaveLength(1);
    } finally {
      await handle.close();
    }
  });

  it('stop being prepared past the limit per connection, and still run', async () => {
    const handle = createDb(database.url, { maxConnections: 1 });
    try {
      const many = Array.from({ length: 105 }, (_, i) => prepared(sql`select ${i}::int as ${sql.raw(`c${i}`)}`));
      const held = await preparedAfter(handle, many);
      expect(held).toHaveLength(100);
    } finally {
      await handle.close();
    }
  });
});
