import type { DeliveredMessage } from '../local/zalo-stand-in/fake-zalo-state.ts';
import { round1 } from './bench-stats.ts';

/** One OA's deliveries against its limit. */
export type OaRate = {
  oaId: string;
  delivered: number;
  /** First delivery, in seconds after the first delivery of any OA; null when none came. */
  first_s: number | null;
  /** From the hand-over of its first row to its first delivery: how long the sender kept it waiting. */
  waited_s: number | null;
  last_s: number | null;
  /** (messages − the burst allowance) / (last − first): the paced rate, what the limiter promises. */
  achieved_per_s: number;
  error_pct: number;
  /** (messages − 1) / (last − first), the burst included. */
  raw_per_s: number;
  raw_error_pct: number;
  /** The most messages it sent in any 10 s. */
  max_in_10s: number;
};

export type OasRateReport = {
  rate_error_pct_max: number;
  rate_error_pct_median: number;
  raw_rate_error_pct_max: number;
  raw_rate_error_pct_median: number;
  achieved_per_s: { min: number; median: number; max: number };
  /** OAs whose first delivery came later than `starvedAfterShare` of the run after their rows were handed over. */
  starved: number;
  /** From an OA's rows handed over to its first delivery. */
  first_delivery_wait_s: { median: number | null; max: number | null };
  /** An OA's first delivery after the first of any OA (its rows may have been handed over later). */
  first_delivery_s: { median: number | null; max: number | null };
  run_s: number;
  delivered: number;
  aggregate_per_s: number;
  duplicates: number;
  lost: number;
  /**
   * The most one OA sent in any 10 s, against what the send slots allow there: ten seconds' worth
   * and the one-second burst, plus one for the window's edge and a delivery's jitter (limit × 11 + 1).
   * `over_limit` counts OAs above it: sending slots that came late all at once.
   */
  max_in_10s: { max: number; allowed: number; over_limit: number };
  /** OAs with no delivery at all (counted in `starved` too). */
  silent_oas: number;
  /** Messages the stand-in says an OA sent that were written for another OA. */
  wrong_oa: number;
  worst: OaRate[];
  /** Every OA in the order their rows were queued: when each began, and its paced rate. */
  by_oa: { waited_s: (number | null)[]; achieved_per_s: number[] };
};

/**
 * Each OA's achieved rate from what the stand-in received: its messages over the time from its
 * first delivery to its last. The send slots (workers/send-slots.ts) let a quiet OA send a
 * second's worth (`limit` messages) at once before pacing; an ideal limiter then sends message k
 * after the burst at k / limit, so (messages − limit) / (last − first) is exactly the limit, while
 * (messages − 1) / (last − first) overstates it by about limit / (messages − limit): a few percent
 * in a short run (`raw_*`, beside). An OA is starved when its first delivery came later than
 * `starvedAfterShare` of the run (first to last delivery of all OAs) after its first row was
 * handed over (`handedOverAt`: rows written later cannot be sent earlier). A duplicate is a resident
 * who got the same text twice (every row has its own text); a row lost is one never delivered.
 */
export function measureOaRates(p: {
  delivered: DeliveredMessage[];
  expected: Map<string, string>;
  oaIds: string[];
  limit: number;
  starvedAfterShare: number;
  handedOverAt: Map<string, number>;
}): OasRateReport {
  const times = p.delivered.map((d) => d.at.getTime());
  const start = times.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  const runMs = times.length > 0 ? times.reduce((a, b) => Math.max(a, b), start) - start : 0;
  const byOa = new Map<string, number[]>(p.oaIds.map((id) => [id, []]));
  const seen = new Map<string, number>();
  const reached = new Set<string>();
  let wrongOa = 0;
  for (const d of p.delivered) {
    byOa.get(d.oaId)?.push(d.at.getTime());
    const key = `${d.to}\n${d.text ?? JSON.stringify(d.message)}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    reached.add(d.to);
    if (p.expected.get(d.to) !== d.oaId) wrongOa += 1;
  }
  const rates = p.oaIds.map((oaId) => oaRate(oaId, byOa.get(oaId) ?? [], start, p.limit, p.handedOverAt.get(oaId) ?? start));
  const allowed = p.limit * (windowS + 1) + 1;
  const duplicates = [...seen.values()].reduce((n, c) => n + c - 1, 0);
  const errors = rates.map((r) => r.error_pct);
  const rawErrors = rates.map((r) => r.raw_error_pct);
  const firsts = rates.map((r) => r.first_s ?? Number.POSITIVE_INFINITY);
  const waits = rates.map((r) => r.waited_s ?? Number.POSITIVE_INFINITY);
  const achieved = rates.map((r) => r.achieved_per_s);
  return {
    rate_error_pct_max: Math.max(...errors),
    rate_error_pct_median: median(errors),
    raw_rate_error_pct_max: Math.max(...rawErrors),
    raw_rate_error_pct_median: median(rawErrors),
    achieved_per_s: { min: Math.min(...achieved), median: median(achieved), max: Math.max(...achieved) },
    starved: rates.filter((r) => r.waited_s === null || r.waited_s * 1000 > p.starvedAfterShare * runMs).length,
    first_delivery_wait_s: { median: finiteOrNull(median(waits)), max: finiteOrNull(Math.max(...waits)) },
    first_delivery_s: { median: finiteOrNull(median(firsts)), max: finiteOrNull(Math.max(...firsts)) },
    run_s: round1(runMs / 1000),
    delivered: p.delivered.length,
    aggregate_per_s: round1(runMs > 0 ? ((p.delivered.length - 1) * 1000) / runMs : 0),
    duplicates,
    lost: [...p.expected.keys()].filter((to) => !reached.has(to)).length,
    max_in_10s: { max: Math.max(...rates.map((r) => r.max_in_10s)), allowed, over_limit: rates.filter((r) => r.max_in_10s > allowed).length },
    silent_oas: rates.filter((r) => r.delivered === 0).length,
    wrong_oa: wrongOa,
    worst: [...rates].sort((a, b) => b.error_pct - a.error_pct).slice(0, 3),
    by_oa: { waited_s: rates.map((r) => r.waited_s), achieved_per_s: achieved },
  };
}

function oaRate(oaId: string, times: number[], start: number, limit: number, handedOverAt: number): OaRate {
  times.sort((a, b) => a - b);
  const first = times[0] ?? Number.NaN;
  const spanS = ((times.at(-1) ?? first) - first) / 1000;
  const paced = spanS > 0 ? Math.max(0, times.length - limit) / spanS : 0;
  const raw = spanS > 0 ? (times.length - 1) / spanS : 0;
  const error = (x: number) => round1((Math.abs(x - limit) / limit) * 100);
  return {
    oaId,
    delivered: times.length,
    first_s: times.length > 0 ? round1((first - start) / 1000) : null,
    waited_s: times.length > 0 ? round1(Math.max(0, first - handedOverAt) / 1000) : null,
    last_s: times.length > 0 ? round1(((times.at(-1) ?? first) - start) / 1000) : null,
    achieved_per_s: round1(paced),
    error_pct: error(paced),
    raw_per_s: round1(raw),
    raw_error_pct: error(raw),
    max_in_10s: mostInWindow(times, windowS * 1000),
  };
}

const windowS = 10;

/** The most of `sorted` times inside any window of `ms` (two pointers). */
function mostInWindow(sorted: number[], ms: number): number {
  let most = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while ((sorted[to] ?? 0) - (sorted[from] ?? 0) >= ms) from += 1;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
