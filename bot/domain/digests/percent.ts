/**
 * `done` as a percentage of `of`, rounded to `decimals` places (one for tables and the dashboard,
 * none in chat); null when there is nothing to divide by, so "no target" never reads as 0%.
 */
export function percentOf(done: number, of: number, decimals = 1): number | null {
  if (of <= 0) return null;
  const scale = 10 ** decimals;
  return Math.round((100 * scale * done) / of) / scale;
}
