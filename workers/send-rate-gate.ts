import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Zalo's quota counts messages, and one send job now carries a whole turn (one to a few messages),
 * so BullMQ's limiter, which counts jobs, cannot keep it. This gate counts messages in a one-second
 * window shared by every worker process (one Redis call per reserve of a tenth of the budget), and
 * can be shut for a while when Zalo answers that the quota is spent.
 */
export type SendRateGate = {
  /** Waits until `count` messages may go out in the current window, and takes them. */
  take: (count: number) => Promise<void>;
  /** Zalo said "too many": nobody sends for `ms`. */
  shut: (ms: number) => Promise<void>;
};

const windowMs = 1000;
/** Far above any window's budget: a shut gate is a window that is already full. */
const shutCount = 1_000_000_000;

/**
 * KEYS[1] the window's counter. ARGV: messages wanted, budget per window, window length (ms), how
 * many to reserve at once. Returns {granted, ms left in the window}; granted 0 means "wait". Up to
 * the reserve is granted, so a busy process asks once for several jobs; a window that is empty lets
 * any number through, so a batch larger than the budget still goes, alone.
 */
const takeScript = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local wanted = tonumber(ARGV[1])
local budget = tonumber(ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if used > 0 and used + wanted > budget then
  if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]); ttl = tonumber(ARGV[3]) end
  return {0, ttl}
end
local grant = math.max(wanted, math.min(tonumber(ARGV[4]), budget - used))
if redis.call('INCRBY', KEYS[1], grant) == grant or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  ttl = tonumber(ARGV[3])
end
return {grant, ttl}`;

const takeSha = createHash('sha1').update(takeScript).digest('hex');

/** Runs the script by its hash; Redis forgets scripts when it restarts, so then once in full. */
async function runTake(redis: Redis, args: (string | number)[]): Promise<{ granted: number; ttlMs: number }> {
  let answer: unknown;
  try {
    answer = await redis.evalsha(takeSha, 1, ...args);
  } catch (err) {
    if (!(err instanceof Error) || !err.message.includes('NOSCRIPT')) throw err;
    answer = await redis.eval(takeScript, 1, ...args);
  }
  const [granted, ttlMs] = Array.isArray(answer) ? answer.map(Number) : [0, windowMs];
  return { granted: granted ?? 0, ttlMs: ttlMs ?? windowMs };
}

/**
 * A process keeps what it reserved for the rest of the window and spends it without asking Redis.
 * What is left when the window ends is dropped: at worst the account sends a little under its
 * budget. A shut seen by another process reaches this one when its reserve runs out (a tenth of the
 * budget at most), and Zalo's next -32 shuts it too.
 */
export function createSendRateGate(redis: Redis, options: { key: string; perSecond: number }): SendRateGate {
  const reserve = Math.max(1, Math.floor(options.perSecond / 10));
  let held = { left: 0, until: 0 };
  return {
    async take(count) {
      if (count <= 0) return;
      if (held.left >= count && Date.now() < held.until) {
        held.left -= count;
        return;
      }
      for (;;) {
        const { granted, ttlMs } = await runTake(redis, [options.key, count, options.perSecond, windowMs, reserve]);
        if (granted > 0) {
          held = { left: granted - count, until: Date.now() + ttlMs };
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, ttlMs));
      }
    },
    async shut(ms) {
      held = { left: 0, until: 0 };
      await redis.set(options.key, shutCount, 'PX', Math.max(1, Math.round(ms)));
    },
  };
}
