import { drizzle } from 'drizzle-orm/node-postgres';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle; every query function accepts either a Db or a Tx. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type DbHandle = { db: Db; pool: pg.Pool; close: () => Promise<void> };

export type DbOptions = {
  /** Kept short so a webhook can answer 503 inside Zalo's ~2 s budget when Postgres is away. */
  connectTimeoutMs?: number;
  maxConnections?: number;
  /** Told when a connection is lost (Postgres restarted, network cut); the process carries on. */
  onConnectionError?: (err: Error) => void;
};

/** Opens a pool and a drizzle handle over it. */
export function createDb(url: string, options: DbOptions = {}): DbHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 1500,
    idleTimeoutMillis: 30_000,
  });
  // A connection lost while idle or while checked out (a Postgres restart terminates every backend
  // with 57P01) emits 'error' on the pool or on the client. Unhandled, that event kills the process;
  // handled, the query in flight fails, its job is retried, and the next query reconnects.
  const lost = (err: Error) => options.onConnectionError?.(err);
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  const db = drizzle(pool, { schema });
  return { db, pool, close: () => pool.end() };
}
