import { is } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../schema/index.ts';
import { sealedTables } from './sealed-columns.ts';

const tables: PgTable[] = Object.values(schema).flatMap((v: unknown) => (is(v, PgTable) ? [v] : []));
const listed = new Set(sealedTables.flatMap(({ table, sealed }) => sealed.map((c) => `${getTableConfig(table).name}.${c.name}`)));

describe('the list of sealed columns', () => {
  it('holds every schema column ending in _enc, so the rotation re-seals all of them', () => {
    expect(tables.length).toBeGreaterThan(10);
    const inSchema = tables.flatMap((t) => getTableConfig(t).columns.filter((c) => c.name.endsWith('_enc')).map((c) => `${getTableConfig(t).name}.${c.name}`));
    expect(inSchema.length).toBeGreaterThan(0);
    expect(inSchema.filter((c) => !listed.has(c))).toEqual([]);
  });

  it('names sealed columns of the table they are listed under, and rows by the primary key', () => {
    for (const { table, rowKey, sealed } of sealedTables) {
      const config = getTableConfig(table);
      for (const c of sealed) expect(config.columns).toContain(c);
      const primary = config.columns.filter((c) => c.primary).map((c) => c.name);
      const composite = config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name));
      expect(rowKey.map((c) => c.name)).toEqual(primary.length > 0 ? primary : composite);
    }
  });
});
