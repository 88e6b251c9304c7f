/**
 * The code of a failed statement or connection ("57P01", "40P01", "ECONNREFUSED"): on the error
 * itself, or on the driver's error that drizzle's "Failed query" wraps as its cause. Null when none.
 */
export function databaseErrorCode(err: unknown): string | null {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code: unknown = Reflect.get(e, 'code');
    if (typeof code === 'string') return code;
  }
  return null;
}
