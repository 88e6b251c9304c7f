import { createHmac } from 'node:crypto';

export type BurstCost = {
  /** One operation's wall time, median, run back to back (caches warm). */
  warm_op_us: number;
  /** The same operation's median when it is the first thing done after `gap_ms` asleep, as a server between events. */
  op_after_gap_us: number;
  /** Its mean: what the CPU pays on average, slow bursts included. */
  op_after_gap_mean_us: number;
  gap_ms: number;
  /** op_after_gap_mean_us / warm_op_us. */
  ratio: number;
};

/** A webhook event's size: the operation is the webhook's own first steps (parse, HMAC, serialise). */
const body = JSON.stringify({
  app_id: '1234567890123456789',
  event_name: 'user_send_text',
  sender: { id: '9100000000000000001' },
  recipient: { id: '1234567890123456788' },
  message: { text: 'cho em hoi cach cai vneid muc 2', msg_id: '0123456789abcdef0123456789abcdef' },
  timestamp: '1764806400000',
  padding: 'x'.repeat(500),
});

function operation(): number {
  const json = JSON.parse(body) as { app_id: string; timestamp: string };
  const mac = createHmac('sha256', 'bench-secret').update(json.app_id + body + json.timestamp).digest('hex');
  return mac.length + JSON.stringify(json).length;
}

/**
 * How much dearer a short burst of work is than the same work in a loop, on this machine. A
 * process that handles one event every few milliseconds (the end-to-end bench at 200 messages a
 * second: bot, relay, worker, Postgres and Redis each wake for every message) runs each time with
 * caches and TLB another process or the host has since filled; on a shared VM that can make the
 * same code many times slower than in a batch. Measured here in the bench's own process, so runs on
 * different hosts can be compared: the ratio says how much of the per-message CPU is the host's.
 */
export function measureBurstCost(options: { gapMs: number; bursts: number; warmOps: number } = { gapMs: 5, bursts: 300, warmOps: 5000 }): BurstCost {
  let sink = 0;
  for (let i = 0; i < options.warmOps; i++) sink += operation();
  const timed = () => {
    const start = performance.now();
    sink += operation();
    return (performance.now() - start) * 1000;
  };
  const warm = Array.from({ length: options.warmOps }, timed);
  const asleep = new Int32Array(new SharedArrayBuffer(4));
  const afterGap = Array.from({ length: options.bursts }, () => {
    Atomics.wait(asleep, 0, 0, options.gapMs);
    return timed();
  });
  if (sink === 0) throw new Error('unreachable: keeps the operation from being optimised away');
  const warmUs = median(warm);
  const gapMeanUs = afterGap.reduce((sum, us) => sum + us, 0) / Math.max(1, afterGap.length);
  return { warm_op_us: round1(warmUs), op_after_gap_us: round1(median(afterGap)), op_after_gap_mean_us: round1(gapMeanUs), gap_ms: options.gapMs, ratio: round1(gapMeanUs / Math.max(0.001, warmUs)) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
