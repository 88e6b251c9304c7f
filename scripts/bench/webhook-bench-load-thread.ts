import http from 'node:http';
import { parentPort } from 'node:worker_threads';
import type { SignedDelivery } from './webhook-bench-events.ts';

/** What one load thread is asked to do: keep `concurrency` requests in flight, or send at a fixed rate. */
export type ThreadPlan = {
  url: string;
  deliveries: SignedDelivery[];
  timeoutMs: number;
} & ({ mode: 'closed'; concurrency: number; durationMs: number } | { mode: 'open'; ratePerSec: number; startAtEpochMs: number; offsetMs: number });

/** Per request: milliseconds from when it was due (open loop) or sent (closed loop), and the status (0 = no answer). */
export type ThreadResult = { latencies: number[]; statuses: number[]; keys: string[]; lateStartMs: number[]; spanMs: number };

/** Keep-alive connections for the current phase; a new pool each phase, as the server may differ. */
let agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

function post(target: URL, delivery: SignedDelivery, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const body = Buffer.from(delivery.body);
    const req = http.request(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, timeout: timeoutMs, headers: { 'content-type': 'application/json', 'content-length': body.length, 'x-zevent-signature': delivery.signature } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/** `concurrency` loops, each sending the next delivery as soon as its previous one was answered. */
async function closedLoop(plan: Extract<ThreadPlan, { mode: 'closed' }>, target: URL): Promise<ThreadResult> {
  const result: ThreadResult = { latencies: [], statuses: [], keys: [], lateStartMs: [], spanMs: 0 };
  const started = performance.now();
  const until = started + plan.durationMs;
  let next = 0;
  const loop = async () => {
    while (next < plan.deliveries.length && performance.now() < until) {
      const delivery = plan.deliveries[next++];
      if (!delivery) return;
      const sentAt = performance.now();
      const status = await post(target, delivery, plan.timeoutMs);
      result.latencies.push(performance.now() - sentAt);
      result.statuses.push(status);
      result.keys.push(delivery.key);
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, loop));
  result.spanMs = performance.now() - started;
  return result;
}

/** Sends delivery i at start + i / rate whatever happened to the earlier ones (latency counts from then). */
function openLoop(plan: Extract<ThreadPlan, { mode: 'open' }>, target: URL): Promise<ThreadResult> {
  const result: ThreadResult = { latencies: [], statuses: [], keys: [], lateStartMs: [], spanMs: 0 };
  const gapMs = 1000 / plan.ratePerSec;
  const start = performance.now() + (plan.startAtEpochMs - Date.now()) + plan.offsetMs;
  const pending: Promise<void>[] = [];
  let i = 0;
  return new Promise((resolve) => {
    const pump = () => {
      const now = performance.now();
      for (; i < plan.deliveries.length && start + i * gapMs <= now; i++) {
        const due = start + i * gapMs;
        const delivery = plan.deliveries[i];
        if (!delivery) break;
        result.lateStartMs.push(now - due);
        pending.push(
          post(target, delivery, plan.timeoutMs).then((status) => {
            result.latencies.push(performance.now() - due);
            result.statuses.push(status);
            result.keys.push(delivery.key);
          }),
        );
      }
      if (i < plan.deliveries.length) setTimeout(pump, Math.max(0, Math.min(gapMs, start + i * gapMs - performance.now())));
      else void Promise.all(pending).then(() => resolve({ ...result, spanMs: performance.now() - start }));
    };
    pump();
  });
}

async function run(plan: ThreadPlan): Promise<ThreadResult> {
  const target = new URL(plan.url);
  agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const result = plan.mode === 'closed' ? await closedLoop(plan, target) : await openLoop(plan, target);
  agent.destroy();
  return result;
}

// The thread lives for the whole bench (starting one costs far more than a phase's requests):
// each message is a ThreadPlan from webhook-bench-load.ts, each answer its ThreadResult.
parentPort?.on('message', (plan: ThreadPlan) => {
  void run(plan).then((result) => parentPort?.postMessage(result));
});
