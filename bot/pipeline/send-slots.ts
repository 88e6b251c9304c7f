import { createHash } from 'node:crypto';
import type { RedisClient } from '../jobs/redis-connection.ts';

/**
 * Zalo's quota is per OA, and it counts messages. Each OA gets a schedule in Redis shared by every
 * worker process (GCRA: the time its next message may go): a job reserves slots for its messages
 * and learns how long to wait for them. A job that must wait long waits in BullMQ's delayed set,
 * not in a worker's concurrency slot, so a burst on one OA never holds up another OA's messages.
 */
export type SendSlots = {
  /** Reserves `count` messages for the OA at `perSecond`; resolves to the ms to wait before sending them. */
  reserve: (oaId: string, perSecond: number, count: number) => Promise<number>;
  /**
   * Reserves consecutive slots for several jobs of one OA in one call (`counts[i]` messages for job
   * i); resolves to each job's wait, as `reserve` would have answered job after job.
   */
  reserveEach: (oaId: string, perSecond: number, counts: number[]) => Promise<number[]>;
  /** Zalo said "too many" for this OA: nothing more goes through it for `ms`. */
  shut: (oaId: string, ms: number) => Promise<void>;
};

/**
 * A quiet OA may send up to a second's worth of messages at once (a resident's reply is never
 * paced behind nothing); beyond that, messages are spaced at the OA's rate. Over any minute an OA
 * sends at most its rate × 61 s, inside Zalo's per-minute quota with the margin the default keeps.
 */
const burstMs = 1000;

/**
 * KEYS[1]: the OA's schedule (ms since epoch, by Redis's clock so every process agrees). ARGV:
 * ms per message, messages wanted, burst allowance (ms), and for a shut the ms to hold (else 0).
 * Returns how far past now the schedule ends after the reservation (the caller takes off the burst
 * allowance: the wait of its last message), 0 for a shut. A shut moves the schedule past the hold
 * and the burst, so nothing goes before the hold ends.
 */
const reserveScript = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local hold = tonumber(ARGV[4])
if hold > 0 then
  tat = math.max(tat, now + hold + tonumber(ARGV[3]))
  redis.call('SET', KEYS[1], tostring(tat), 'PX', math.ceil(tat - now) + 60000)
  return 0
end
tat = math.max(tat, now) + tonumber(ARGV[1]) * tonumber(ARGV[2])
redis.call('SET', KEYS[1], tostring(tat), 'PX', math.ceil(tat - now) + 60000)
return math.ceil(tat - now)`;

const reserveSha = createHash('sha1').update(reserveScript).digest('hex');

/** Runs the script by its hash; Redis forgets scripts when it restarts, so then once in full. */
async function runReserve(redis: RedisClient, key: string, args: number[]): Promise<number> {
  let answer: unknown;
  try {
    answer = await redis.evalsha(reserveSha, 1, key, ...args);
  } catch (err) {
    if (!(err instanceof Error) || !err.message.includes('NOSCRIPT')) throw err;
    answer = await redis.eval(reserveScript, 1, key, ...args);
  }
  const ms = Number(answer);
  return Number.isFinite(ms) ? ms : 0;
}

export type SendSlotsOptions = {
  /** The queue prefix, so one Redis serves several deployments (and tests) apart. */
  keyPrefix: string;
  /**
   * The schedule: `sent` (default) gates the calls to Zalo; `planned` spaces the jobs when they are
   * handed over (bot/pipeline/plan-sends.ts), so they come due at the OA's rate.
   */
  ledger?: 'sent' | 'planned';
  /**
   * Wraps each call to `redis`. On the producers' connection, which queues nothing offline, give
   * Queues.whenConnected: it waits for a connection still being set up, where a call sent at once
   * would fail. Default: each call goes to `redis` directly.
   */
  whenConnected?: <T>(op: () => Promise<T>) => Promise<T>;
};

export function createSendSlots(redis: RedisClient, options: SendSlotsOptions): SendSlots {
  const name = options.ledger === 'planned' ? 'send-plan' : 'send-slots';
  const keyOf = (oaId: string) => `${options.keyPrefix}:outbound:${name}:${oaId}`;
  const msPerMessage = (perSecond: number) => 1000 / Math.max(perSecond, 0.001);
  const run = options.whenConnected ?? (<T>(op: () => Promise<T>) => op());
  const reserveOn = (oaId: string, args: number[]) => run(() => runReserve(redis, keyOf(oaId), args));
  return {
    async reserve(oaId, perSecond, count) {
      if (count <= 0) return 0;
      const end = await reserveOn(oaId, [msPerMessage(perSecond), count, burstMs, 0]);
      return Math.max(0, end - burstMs);
    },
    async reserveEach(oaId, perSecond, counts) {
      const total = counts.reduce((sum, n) => sum + Math.max(n, 0), 0);
      if (total === 0) return counts.map(() => 0);
      const step = msPerMessage(perSecond);
      const end = await reserveOn(oaId, [step, total, burstMs, 0]);
      // The schedule before this reservation, then each job's last message on it.
      let at = end - step * total;
      return counts.map((n) => {
        at += step * Math.max(n, 0);
        return Math.max(0, Math.ceil(at - burstMs));
      });
    },
    async shut(oaId, ms) {
      await reserveOn(oaId, [0, 0, burstMs, Math.max(1, Math.round(ms))]);
    },
  };
}
