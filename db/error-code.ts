/**
 * The error that carries the code of a failed statement or connection ("57P01", "40P01",
 * "ECONNREFUSED"): the error itself, or the driver's error that drizzle's "Failed query" wraps as
 * its cause. Its message is Postgres's reason, without the SQL. Null when there is none.
 */
export function codedDatabaseError(err: unknown): { code: string; message: string } | null {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code: unknown = Reflect.get(e, 'code');
    if (typeof code === 'string') return { code, message: e.message };
  }
  return null;
}

/** The code of a failed statement or connection, or null (see codedDatabaseError). */
export function databaseErrorCode(err: unknown): string | null {
  return codedDatabaseError(err)?.code ?? null;
}
