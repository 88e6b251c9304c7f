import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Zalo's quota counts messages, and one send job now carries a whole turn (one to a few messages),
 * so BullMQ's limiter, which counts jobs, cannot keep it. This gate counts messages in a one-second
 * window shared by every worker process (one Redis call per job), and can be shut for a while when
 * Zalo answers that the quota is spent.
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
 * KEYS[1] the window's counter. ARGV: messages wanted, budget per window, window length (ms).
 * Returns 0 when taken, else how long until the window ends. A window that is empty lets any
 * number through, so a batch larger than the budget still goes, alone.
 */
const takeScript = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local wanted = tonumber(ARGV[1])
if used > 0 and used + wanted > tonumber(ARGV[2]) then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]); ttl = tonumber(ARGV[3]) end
  return ttl
end
if redis.call('INCRBY', KEYS[1], wanted) == wanted then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return 0`;

const takeSha = createHash('sha1').update(takeScript).digest('hex');

/** Runs the script by its hash; Redis forgets scripts when it restarts, so then once in full. */
async function runTake(redis: Redis, key: string, count: number, perSecond: number): Promise<number> {
  try {
    return Number(await redis.evalsha(takeSha, 1, key, count, perSecond, windowMs));
  } catch (err) {
    if (!(err instanceof Error) || !err.message.includes('NOSCRIPT')) throw err;
    return Number(await redis.eval(takeScript, 1, key, count, perSecond, windowMs));
  }
}

export function createSendRateGate(redis: Redis, options: { key: string; perSecond: number }): SendRateGate {
  return {
    async take(count) {
      if (count <= 0) return;
      for (;;) {
        const waitMs = await runTake(redis, options.key, count, options.perSecond);
        if (!(waitMs > 0)) return;
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    },
    async shut(ms) {
      await redis.set(options.key, shutCount, 'PX', Math.max(1, Math.round(ms)));
    },
  };
}
