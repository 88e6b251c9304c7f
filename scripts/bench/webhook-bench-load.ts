import { Worker } from 'node:worker_threads';
import type { SignedDelivery } from './webhook-bench-events.ts';
import type { ThreadPlan, ThreadResult } from './webhook-bench-load-thread.ts';

export type LoadShape = { mode: 'closed'; concurrency: number; durationMs: number } | { mode: 'open'; ratePerSec: number };

/** Numbers of one load phase. Latency counts from when a request was due (open loop) or sent (closed loop). */
export type LoadReport = {
  sent: number;
  answered_200: number;
  /** Status → count for everything but 200; "0" is no answer within the client's timeout. */
  non_200: Record<string, number>;
  per_second: number;
  /** 200s that came within 2 s, per second of the phase: what Zalo would count as delivered. */
  ok_within_2s_per_second: number;
  over_2s: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  /** How late the generator itself sent requests (open loop): large values mean it was the bottleneck. */
  generator_late_p99_ms: number;
};

/** Zalo stops waiting for an answer after about 2 s. */
const zaloPatienceMs = 2000;

export type LoadGenerator = {
  /** One phase from the first `threads` threads (all by default): its report and the dedupe keys answered 200. */
  run: (url: string, deliveries: SignedDelivery[], shape: LoadShape, threads?: number) => Promise<{ report: LoadReport; acked: Set<string> }>;
  close: () => Promise<void>;
};

/**
 * Sends from `threads` worker threads, so the generator is not what limits the rate. They are
 * started once for every phase: a thread's start (and its JIT warming up) costs more than a phase.
 */
export function startLoadGenerator(threads: number): LoadGenerator {
  const workers = Array.from({ length: threads }, startThread);
  return {
    async run(url, deliveries, shape, use = threads) {
      const startAtEpochMs = Date.now() + 300;
      const senders = workers.slice(0, use);
      const plans = senders.map((_w, t): ThreadPlan => {
        const share = deliveries.filter((_d, i) => i % senders.length === t);
        return shape.mode === 'closed'
          ? { url, deliveries: share, timeoutMs: 10_000, mode: 'closed', concurrency: Math.ceil(shape.concurrency / senders.length), durationMs: shape.durationMs }
          : { url, deliveries: share, timeoutMs: 10_000, mode: 'open', ratePerSec: shape.ratePerSec / senders.length, startAtEpochMs, offsetMs: (t * 1000) / shape.ratePerSec };
      });
      const results = await Promise.all(senders.map((worker, t) => ask(worker, plans[t])));
      return { report: summarise(results), acked: new Set(results.flatMap((r) => r.keys.filter((_k, i) => r.statuses[i] === 200))) };
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

function startThread(): Worker {
  // tsx's loader is not inherited by worker threads: the thread registers it before importing the TypeScript entry.
  const entry = JSON.stringify(new URL('./webhook-bench-load-thread.ts', import.meta.url).href);
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); })`, { eval: true });
}

function ask(worker: Worker, plan: ThreadPlan | undefined): Promise<ThreadResult> {
  return new Promise((resolve, reject) => {
    const done = (result: ThreadResult) => (worker.off('error', failed), resolve(result));
    const failed = (err: Error) => (worker.off('message', done), reject(err));
    worker.once('message', done);
    worker.once('error', failed);
    worker.postMessage(plan);
  });
}

function summarise(results: ThreadResult[]): LoadReport {
  const latencies = results.flatMap((r) => r.latencies);
  const statuses = results.flatMap((r) => r.statuses);
  const spanSec = Math.max(...results.map((r) => r.spanMs)) / 1000;
  const non200: Record<string, number> = {};
  let ok = 0;
  let okInTime = 0;
  statuses.forEach((status, i) => {
    if (status === 200) {
      ok += 1;
      if ((latencies[i] ?? Infinity) <= zaloPatienceMs) okInTime += 1;
    } else non200[String(status)] = (non200[String(status)] ?? 0) + 1;
  });
  const sorted = [...latencies].sort((a, b) => a - b);
  const late = results.flatMap((r) => r.lateStartMs).sort((a, b) => a - b);
  return {
    sent: statuses.length,
    answered_200: ok,
    non_200: non200,
    per_second: Math.round(statuses.length / spanSec),
    ok_within_2s_per_second: Math.round(okInTime / spanSec),
    over_2s: latencies.filter((ms) => ms > zaloPatienceMs).length,
    p50_ms: percentile(sorted, 0.5),
    p99_ms: percentile(sorted, 0.99),
    max_ms: Math.round(sorted.at(-1) ?? 0),
    generator_late_p99_ms: percentile(late, 0.99),
  };
}

function percentile(sorted: number[], p: number): number {
  const value = sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return Math.round(value * 10) / 10;
}
