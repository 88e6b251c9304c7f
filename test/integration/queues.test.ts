import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createQueues, QueueUnavailableError } from '../../bot/jobs/queues.ts';
import type { Queues } from '../../bot/jobs/queues.ts';
import { startTcpProxy } from '../helpers/tcp-proxy.ts';
import type { TcpProxy } from '../helpers/tcp-proxy.ts';
import { deleteRedisPrefix, uniqueQueuePrefix } from '../helpers/test-services.ts';

const logger = pino({ level: 'silent' });
const open: { queues: Queues; prefix: string; proxy?: TcpProxy }[] = [];
afterEach(async () => {
  for (const { queues, prefix, proxy } of open.splice(0)) {
    await queues.close();
    await proxy?.close();
    await deleteRedisPrefix(inject('redisUrl'), prefix);
  }
});

function queuesAt(redisUrl: string, proxy?: TcpProxy): Queues {
  const prefix = uniqueQueuePrefix();
  const queues = createQueues({ redisUrl, prefix, retryBaseMs: 1000, logger });
  open.push({ queues, prefix, proxy });
  return queues;
}

describe('the queue producer', () => {
  it('accepts an enqueue made while its first connection is still being set up', async () => {
    const queues = queuesAt(inject('redisUrl'));
    await queues.enqueueInbound(41);
    expect(await queues.byName.inbound.getJob('inbound-41')).toBeDefined();
  });

  it('refuses at once with QueueUnavailableError when Redis has been away from the start', async () => {
    const redis = new URL(inject('redisUrl'));
    const proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    await proxy.stop();
    const queues = queuesAt(proxy.url('redis'), proxy);
    await expect(queues.enqueueInbound(42)).rejects.toBeInstanceOf(QueueUnavailableError);
  });

  it('lets one process at a time hold a named lock, and releases it after the work', async () => {
    const first = queuesAt(inject('redisUrl'));
    const prefix = open.at(-1)?.prefix ?? '';
    const second = createQueues({ redisUrl: inject('redisUrl'), prefix, retryBaseMs: 1000, logger });
    try {
      let release = () => {};
      const holding = first.whileHolding('schedulers', 10_000, () => new Promise<void>((r) => (release = r)));
      await new Promise((r) => setTimeout(r, 100));
      let ran = false;
      expect(await second.whileHolding('schedulers', 10_000, async () => void (ran = true))).toBe(false);
      expect(ran).toBe(false);
      release();
      expect(await holding).toBe(true);
      expect(await second.whileHolding('schedulers', 10_000, async () => void (ran = true))).toBe(true);
      expect(ran).toBe(true);
    } finally {
      await second.close();
    }
  });
});
