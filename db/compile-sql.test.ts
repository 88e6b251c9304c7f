import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { compileHandWrittenSql } from './compile-sql.ts';
import { prepared } from './prepared-statements.ts';
import { outboundMessages } from './schema/index.ts';

const dialect = new PgDialect();
const drizzleCompiles = (query: SQL) => {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return { sql: text, params };
};

const now = new Date('2026-12-03T07:00:00.000Z');
const channels = ['oa', 'group'];

describe('compileHandWrittenSql', () => {
  it.each<[string, SQL]>([
    ['text only', sql`select 1`],
    ['values of every plain kind', sql`select ${1}, ${'a'}, ${true}, ${null}, ${now}, ${10n}, ${Buffer.from('x')}`],
    ['nested fragments and joins', sql`with sent as (update t set at = ${now} where id = ${7}) select ${sql.join(channels.map((c) => sql`${c}`), sql`, `)} ${sql``}`],
    ['sql.param with an array', sql`select * from unnest(${sql.param([1, 2, 3])}::int[]) where x = ${'y'}`],
    ['a raw part', sql`${sql.raw('/* prepared */ ')}select ${1}`],
    ['undefined chunks', sql`select ${sql`${undefined}`}${2}`],
  ])('gives what drizzle gives: %s', (_name, query) => {
    expect(compileHandWrittenSql(query)).toEqual(drizzleCompiles(query));
  });

  it.each<[string, SQL]>([
    ['a table', sql`select * from ${outboundMessages}`],
    ['a column', sql`select ${outboundMessages.id} from outbound_messages`],
    ['a raw array (drizzle writes a list)', sql`select ${[1, 2]}`],
    ['a plain object', sql`select ${{ a: 1 }}`],
    ['inlined params', sql`select ${1}`.inlineParams()],
    ['a placeholder', sql`select ${sql.placeholder('x')}`],
  ])('leaves to drizzle: %s', (_name, query) => {
    expect(compileHandWrittenSql(query)).toBeNull();
  });

  it('is what a marked statement compiles with, and drizzle still compiles the rest', () => {
    const plain = prepared(sql`update t set at = ${now} where id in (${sql.join([1, 2].map((i) => sql`${i}`), sql`, `)})`);
    expect(dialect.sqlToQuery(plain)).toEqual({ sql: '/* prepared */ update t set at = $1 where id in ($2, $3)', params: [now, 1, 2] });
    const withTable = prepared(sql`select ${outboundMessages.id} from ${outboundMessages} where id = ${3}`);
    expect(dialect.sqlToQuery(withTable)).toMatchObject({ sql: '/* prepared */ select "outbound_messages"."id" from "outbound_messages" where id = $1', params: [3] });
  });
});
