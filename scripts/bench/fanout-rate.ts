import type { DeliveredMessage } from '../local/zalo-stand-in/fake-zalo-state.ts';
import { round1 } from './bench-stats.ts';

export type RateReport = {
  delivered: number;
  achieved_per_s: number;
  /** Messages in the first whole second, where the limiter's burst allowance goes out. */
  first_second: number;
  rate_error_pct: number;
  duplicates: number;
  first_to_last_s: number;
  first_to_last_per_s: number;
  per_second: { median: number; min: number; max: number; whole_seconds: number };
};

/**
 * How fast the stand-in received `delivered` against the limit. The clock starts at the first
 * delivery; the achieved rate is what arrived in the whole seconds after the first one, divided
 * by their number (the last, partial second is left out). The first second is reported apart: the
 * limiter (bot/pipeline/send-slots.ts) lets a quiet OA send one second's worth at once before pacing
 * (at most the rate × 61 s in any minute), which would add a whole second's messages to a run of
 * a few seconds. Counting from the first to the last delivery instead would credit a limiter that
 * sends each second's budget in a burst with the idle rest of its last second, overstating the
 * rate by up to one second's worth: it is reported beside.
 * A duplicate is the same text to the same group a second time: every reminder names its team and
 * week, so two equal ones are one outbox row delivered twice.
 */
export function measureRate(delivered: DeliveredMessage[], limit: number): RateReport {
  const times = delivered.map((d) => d.at.getTime()).sort((a, b) => a - b);
  const first = times[0] ?? 0;
  const spanMs = (times.at(-1) ?? 0) - first;
  const buckets = new Array<number>(Math.floor(spanMs / 1000)).fill(0);
  for (const t of times) {
    const i = Math.floor((t - first) / 1000);
    if (i < buckets.length) buckets[i] = (buckets[i] ?? 0) + 1;
  }
  const firstToLast = times.length > 1 && spanMs > 0 ? ((times.length - 1) * 1000) / spanMs : 0;
  const steady = buckets.length > 1 ? buckets.slice(1) : buckets;
  const achieved = steady.length > 0 ? steady.reduce((a, b) => a + b, 0) / steady.length : firstToLast;
  const sorted = [...buckets].sort((a, b) => a - b);
  return {
    delivered: delivered.length,
    achieved_per_s: round1(achieved),
    first_second: buckets[0] ?? times.length,
    rate_error_pct: round1((Math.abs(achieved - limit) / limit) * 100),
    duplicates: countDuplicates(delivered),
    first_to_last_s: round1(spanMs / 1000),
    first_to_last_per_s: round1(firstToLast),
    per_second: { median: sorted[Math.floor(sorted.length / 2)] ?? 0, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0, whole_seconds: buckets.length },
  };
}

function countDuplicates(delivered: DeliveredMessage[]): number {
  const seen = new Map<string, number>();
  for (const d of delivered) {
    const key = `${d.to}\n${d.text ?? JSON.stringify(d.message)}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen.values()].reduce((n, c) => n + c - 1, 0);
}
