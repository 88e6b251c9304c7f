/** p50/p95/p99/max of latencies in milliseconds, rounded to whole milliseconds. */
export function percentiles(xs: number[]): { p50_ms: number; p95_ms: number; p99_ms: number; max_ms: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0);
  return { p50_ms: at(0.5), p95_ms: at(0.95), p99_ms: at(0.99), max_ms: Math.round(s.at(-1) ?? 0) };
}

/** Polls `check` until it holds; throws naming `what` after `timeoutMs`. */
export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, what = 'the bench'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** The median time of `runs` sequential runs. */
export async function medianTime(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timed(work));
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
}

/** One decimal: enough for milliseconds and ratios. */
export const round1 = (x: number) => Math.round(x * 10) / 10;
export const round2 = (x: number) => Math.round(x * 100) / 100;

export type CpuRate = { per_s: number; per_s_range: [number, number]; wall_clock_per_s: number };

/**
 * Operations per second of a synchronous loop, in CPU time (this thread's user + system time), so
 * another process on a shared machine does not make it look slower; the wall-clock rate is beside
 * it. Median of `rounds` rounds of `perRound` calls, after a warm-up round.
 */
export function cpuRate(rounds: number, perRound: number, work: (i: number) => void): CpuRate {
  for (let i = 0; i < perRound; i++) work(i);
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const usage = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (let i = 0; i < perRound; i++) work(i);
    wall.push(perRound / (Number(process.hrtime.bigint() - start) / 1e9));
    const used = process.cpuUsage(usage);
    cpu.push(perRound / ((used.user + used.system) / 1e6));
  }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const middle = (xs: number[]) => Math.round(sorted(xs)[Math.floor(xs.length / 2)] ?? 0);
  return { per_s: middle(cpu), per_s_range: [Math.round(sorted(cpu)[0] ?? 0), Math.round(sorted(cpu).at(-1) ?? 0)], wall_clock_per_s: middle(wall) };
}
