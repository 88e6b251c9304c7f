import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundMessages } from '../../db/schema/index.ts';
import { startSweeper } from '../../workers/sweeper.ts';
import { queueText } from '../helpers/outbox.ts';
import { deleteRedisPrefix } from '../helpers/test-services.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';

type Line = { level: number; msg: string; inbound?: number; outbound?: number };

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ workers: false });
});
afterAll(async () => {
  await stack?.close();
});

/** The sweeper with a logger whose lines the test reads, swept once now (its timer stays far off). */
async function sweepOnceLogging(lines: Line[]): Promise<void> {
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Line) });
  const sweeper = startSweeper({ ...stack.core, logger }, { intervalMs: 3_600_000 });
  await sweeper.stop();
}

describe('the sweeper finding Redis without our jobs', () => {
  it('on a first start, with nothing open, says so without a warning', async () => {
    const lines: Line[] = [];
    await sweepOnceLogging(lines);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([[30, 'Redis holds no jobs of ours (a first start, or Redis was emptied); nothing was waiting']]);
  });

  it('warns when Redis lost its memory while work was open, and names how much it re-handed', async () => {
    const id = await queueText(stack, '7700000000000000021', 'Tin đang chờ gửi', { enqueue: false });
    await stack.core.db.update(outboundMessages).set({ enqueuedAt: new Date() }).where(eq(outboundMessages.id, id));
    await deleteRedisPrefix(stack.config.redisUrl, stack.config.queuePrefix);
    const lines: Line[] = [];
    await sweepOnceLogging(lines);
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: 'Redis came back without our jobs: re-handed everything still open', inbound: 0, outbound: 1 })]);
    expect(await stack.core.queues.byName.outbound.getJob(`outbound-${id}`)).toBeTruthy();
  });
});
