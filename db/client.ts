import { drizzle } from 'drizzle-orm/node-postgres';
import { withReplicas } from 'drizzle-orm/pg-core';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { pipelineTransactionBrackets } from './pipelined-transactions.ts';
import { prepareMarkedStatements } from './prepared-statements.ts';
import * as schema from './schema/index.ts';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle; every query function accepts either a Db or a Tx. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/**
 * Where the leaders' read-heavy views (digests, monthly report, dashboard) read: a read replica when
 * one is configured, otherwise the primary itself. Only for reads: what it writes goes to the primary.
 */
export type ReadDb = Db;

export type DbHandle = {
  db: Db;
  readDb: ReadDb;
  pool: pg.Pool;
  /** Null without a replica. */
  replicaPool: pg.Pool | null;
  close: () => Promise<void>;
};

export type DbOptions = {
  /** Kept short so a webhook can answer 503 inside Zalo's ~2 s budget when Postgres is away. */
  connectTimeoutMs?: number;
  maxConnections?: number;
  /** Told when a connection is lost (Postgres restarted, network cut); the process carries on. */
  onConnectionError?: (err: Error) => void;
  /** A streaming replica of `url` (DATABASE_REPLICA_URL): `readDb` reads from it. */
  replicaUrl?: string | null;
  /** Prepare the statements marked `prepared()` once per connection (default true; see prepared-statements.ts). */
  preparedStatements?: boolean;
};

/** Opens a pool and a drizzle handle over it, and a second pair for the replica when there is one. */
export function createDb(url: string, options: DbOptions = {}): DbHandle {
  const pool = openPool(url, options);
  const db = drizzle(pool, { schema });
  if (!options.replicaUrl) return { db, readDb: db, pool, replicaPool: null, close: () => pool.end() };
  const replicaPool = openPool(options.replicaUrl, options);
  const replica = drizzle(replicaPool, { schema });
  // drizzle's withReplicas sends select/$count/with/relational queries to the replica and
  // insert/update/delete/transaction to the primary, but also `execute`, and the digests' queries
  // are raw SQL through `execute`: for this read-only handle it goes to the replica too.
  const readDb: ReadDb = Object.assign(withReplicas(db, [replica]), { execute: replica.execute.bind(replica) });
  return {
    db,
    readDb,
    pool,
    replicaPool,
    close: async () => void (await Promise.all([pool.end(), replicaPool.end()])),
  };
}

function openPool(url: string, options: DbOptions): pg.Pool {
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
  pool.on('connect', (client) => {
    client.on('error', lost);
    // In this order: the pipelining needs the names the prepared statements are given.
    pipelineTransactionBrackets(client);
    if (options.preparedStatements !== false) prepareMarkedStatements(client);
  });
  return pool;
}
