import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import { oaAccounts, oaTokens, zcaSessions } from '../schema/index.ts';

/** A table holding values sealed with the data key: the columns naming a row, and the sealed ones. */
export type SealedTable = { table: PgTable; rowKey: readonly PgColumn[]; sealed: readonly PgColumn[] };

/**
 * Every column sealed with the data key (bot/crypto/secret-box.ts), in one place: the rotation
 * command re-seals exactly these, and a test fails when a schema column ending in `_enc` is missing.
 * A new sealed table is one line here.
 */
export const sealedTables: readonly SealedTable[] = [
  { table: oaTokens, rowKey: [oaTokens.oaId], sealed: [oaTokens.accessTokenEnc, oaTokens.refreshTokenEnc] },
  { table: oaAccounts, rowKey: [oaAccounts.oaId], sealed: [oaAccounts.appSecretEnc, oaAccounts.oaSecretKeyEnc] },
  { table: zcaSessions, rowKey: [zcaSessions.accountKey], sealed: [zcaSessions.sessionEnc] },
];

/** How the rotation reads and writes values; db/ knows no keys, the caller passes the boxes. */
export type Resealer = {
  /** Opens with the new key, or returns null when the value is not sealed with it. */
  openNew: (sealed: string) => string | null;
  /** Opens with the old key, or returns null when it cannot. */
  openOld: (sealed: string) => string | null;
  sealNew: (plain: string) => string;
};

export type ResealCount = { table: string; column: string; resealed: number; alreadyNew: number };

/** A sealed value that opens with neither key: the rotation stopped before writing anything. */
export class UnopenableValueError extends Error {
  override name = 'UnopenableValueError';
  constructor(
    readonly table: string,
    readonly row: string,
    readonly column: string,
  ) {
    super(`${table} row ${row}, column ${column}: the value opens with neither the old key nor the new DATA_ENCRYPTION_KEY`);
  }
}

/**
 * Re-seals every sealed value from the old key to the new one in one transaction, all or nothing.
 * Every row of every sealed table is locked (`for update`) and every value is opened before the
 * first write, so a wrong old key aborts with nothing changed. Values that already open with the
 * new key are left alone, so a second run after a successful one writes nothing.
 */
export async function resealAll(db: Db, box: Resealer, tables: readonly SealedTable[] = sealedTables): Promise<ResealCount[]> {
  return db.transaction(async (tx) => {
    const counts: ResealCount[] = [];
    const writes: SQL[] = [];
    for (const { table, rowKey, sealed } of tables) {
      const name = getTableConfig(table).name;
      const columns = [...rowKey, ...sealed].map((c) => sql.identifier(c.name));
      const order = rowKey.map((c) => sql.identifier(c.name));
      const { rows } = await tx.execute<Record<string, unknown>>(sql`select ${sql.join(columns, sql`, `)} from ${table} order by ${sql.join(order, sql`, `)} for update`);
      for (const column of sealed) {
        const count: ResealCount = { table: name, column: column.name, resealed: 0, alreadyNew: 0 };
        for (const row of rows) {
          const value = row[column.name];
          if (typeof value !== 'string') continue;
          if (box.openNew(value) !== null) {
            count.alreadyNew += 1;
            continue;
          }
          const plain = box.openOld(value);
          if (plain === null) throw new UnopenableValueError(name, rowKey.map((c) => `${c.name}=${String(row[c.name])}`).join(' '), column.name);
          const where = sql.join(
            rowKey.map((c) => sql`${sql.identifier(c.name)} = ${row[c.name]}`),
            sql` and `,
          );
          writes.push(sql`update ${table} set ${sql.identifier(column.name)} = ${box.sealNew(plain)} where ${where}`);
          count.resealed += 1;
        }
        counts.push(count);
      }
    }
    for (const write of writes) await tx.execute(write);
    return counts;
  });
}
