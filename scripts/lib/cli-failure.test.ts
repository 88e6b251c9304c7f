import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../bot/config.ts';
import { describeCliFailure } from './cli-failure.ts';

/** drizzle's wrapper as it is thrown: the SQL and the values in the message, the driver's error as the cause. */
const failedQuery = (code: string, reason: string) =>
  new Error('Failed query: insert into "residents" ("phone") values ($1)\nparams: 0912345678', { cause: Object.assign(new Error(reason), { code }) });

describe('what a failed command prints', () => {
  it('says what to do when the database is missing, empty or not answering, without the SQL or its values', () => {
    const missing = describeCliFailure(failedQuery('3D000', 'database "cdt_xa" does not exist'));
    expect(missing).toBe('the database in DATABASE_URL does not exist yet: `npm start` creates it and applies the migrations (3D000: database "cdt_xa" does not exist)');
    expect(describeCliFailure(failedQuery('42P01', 'relation "org_units" does not exist'))).toContain('npm run db:migrate');
    expect(describeCliFailure(failedQuery('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toContain('Postgres or Redis does not answer');
  });

  it('keeps other database failures to their code and reason', () => {
    const other = describeCliFailure(failedQuery('23505', 'duplicate key value violates unique constraint "x"'));
    expect(other).toContain('23505 duplicate key value');
    expect(other).not.toMatch(/insert into|0912345678/);
  });

  it('prints the command’s own refusals, a missing file and configuration errors as they are', () => {
    expect(describeCliFailure(new Error('no unit with code "x"'))).toBe('no unit with code "x"');
    expect(describeCliFailure(new ConfigError('Invalid environment:\n  PORT: not a number'))).toBe('Invalid environment:\n  PORT: not a number');
    expect(describeCliFailure(Object.assign(new Error("ENOENT: no such file or directory, open 'xa.csv'"), { code: 'ENOENT' }))).toBe("ENOENT: no such file or directory, open 'xa.csv'");
    expect(describeCliFailure('plain text')).toBe('plain text');
  });
});
