import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { createDb } from './client.ts';

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Applies committed migrations. Serialised by an advisory lock so two processes can start at once. */
export async function runMigrations(databaseUrl: string): Promise<void> {
  const { db, pool, close } = createDb(databaseUrl, { maxConnections: 1, connectTimeoutMs: 5000 });
  try {
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock(hashtext($1))', ['cdt-migrations']);
      client.release();
      await migrate(db, { migrationsFolder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock_all()`).catch(() => undefined);
    }
  } finally {
    await close();
  }
}
