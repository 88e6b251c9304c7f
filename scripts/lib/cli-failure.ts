import { describeError } from '../../bot/logger.ts';
import { ConfigError } from '../../bot/config.ts';
import { databaseErrorCode } from '../../db/error-code.ts';

/** What to do when a command cannot use the database, by the code Postgres (or the socket) gave. */
const databaseHints: Record<string, string> = {
  '3D000': 'the database in DATABASE_URL does not exist yet: `npm start` creates it and applies the migrations',
  '42P01': 'the database has no tables yet: run `npm run db:migrate` (or `npm start`) first',
  ECONNREFUSED: 'Postgres does not answer at DATABASE_URL: `npm start` starts it, or start it yourself',
  '28P01': 'Postgres refused the password in DATABASE_URL',
};

/**
 * The one line a failed command prints. Its own refusals ("no unit with code …") as they are; a
 * failed query without its SQL and values (they may hold a resident's data), with what to do.
 */
export function describeCliFailure(err: unknown): string {
  if (err instanceof ConfigError || !(err instanceof Error)) return err instanceof Error ? err.message : String(err);
  const code = databaseErrorCode(err);
  if (code === null) return err.message;
  const hint = databaseHints[code];
  return hint ? `${hint} (${code}: ${codedError(err)?.message ?? ''})` : describeError(err);
}

/** The driver's error inside drizzle's "Failed query": its message is Postgres's reason, without the SQL. */
function codedError(err: Error): Error | null {
  for (let e: unknown = err; e instanceof Error; e = e.cause) if (typeof Reflect.get(e, 'code') === 'string') return e;
  return null;
}
