import { describeError } from '../../bot/logger.ts';
import { codedDatabaseError } from '../../db/error-code.ts';

/** What to do when a command cannot use the database, by the code Postgres (or the socket) gave. */
const databaseHints: Record<string, string> = {
  '3D000': 'the database in DATABASE_URL does not exist yet: `npm start` creates it and applies the migrations',
  '42P01': 'the database has no tables yet: run `npm run db:migrate` (or `npm start`) first',
  // The address in the reason tells which: the port of DATABASE_URL or of REDIS_URL.
  ECONNREFUSED: 'Postgres or Redis does not answer (DATABASE_URL, REDIS_URL): `npm start` starts them, or start them yourself',
  '28P01': 'Postgres refused the password in DATABASE_URL',
};

/**
 * The one line a failed command prints: its own refusals ("no unit with code …", a missing file, a
 * configuration error) as they are; a failed query without its SQL and values (they may hold a
 * resident's data), and with what to do when the database is missing, empty or down.
 */
export function describeCliFailure(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const coded = codedDatabaseError(err);
  const hint = coded ? databaseHints[coded.code] : undefined;
  if (coded && hint) return `${hint} (${coded.code}: ${coded.message})`;
  return err.message.startsWith('Failed query') ? describeError(err) : err.message;
}
