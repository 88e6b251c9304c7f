import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSendSlots } from '../../bot/pipeline/send-slots.ts';
import type { PlannedSend } from '../../bot/pipeline/plan-sends.ts';
import { outboundMessages } from '../../db/schema/index.ts';
import { testZalo } from '../../scripts/local/local-zalo-credentials.ts';
import { settledRepliesTo } from '../helpers/outbox.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { userText } from '../helpers/zalo-events.ts';

/**
 * A resident's replies go out from the job that wrote them when their OA may send now, and
 * through the sender queue otherwise, with nothing lost, repeated or out of order either way.
 */
let stack: TestStack;
let queued: PlannedSend[] = [];
beforeAll(async () => {
  stack = await startTestStack();
  // Every hand-over to the sender queue, recorded; the workers share these queues.
  const enqueueSends = stack.core.queues.enqueueSends;
  stack.core.queues.enqueueSends = (sends) => {
    queued.push(...sends);
    return enqueueSends(sends);
  };
});
afterAll(async () => {
  await stack?.close();
});
beforeEach(() => {
  queued = [];
});

const sendPath = '/v3.0/oa/message/cs';

async function repliesTo(userId: string) {
  return stack.core.db
    .select({ id: outboundMessages.id, status: outboundMessages.status, attempts: outboundMessages.attempts })
    .from(outboundMessages)
    .where(and(eq(outboundMessages.recipientId, userId), eq(outboundMessages.channel, 'oa_user')))
    .orderBy(outboundMessages.id);
}

describe('a resident’s replies', () => {
  it('go out from the job that wrote them: no send job, one attempt each, in order', async () => {
    const userId = '7500000000000000001';
    expect((await stack.postEvent(userText('cach cai vneid', userId))).status).toBe(200);
    const delivered = await settledRepliesTo(stack, userId, { atLeast: 2 });
    expect(delivered.length).toBeGreaterThanOrEqual(2);
    const rows = await repliesTo(userId);
    expect(rows.map((r) => r.status)).toEqual(rows.map(() => 'sent'));
    expect(rows.map((r) => r.attempts)).toEqual(rows.map(() => 1));
    expect(queued).toEqual([]);
  });

  it('wait in the sender queue for their OA’s slots when it has none free now, then go out in order', async () => {
    const userId = '7500000000000000002';
    // Three seconds of the OA's sending taken by others.
    const slots = createSendSlots(stack.core.queues.connection, { keyPrefix: stack.config.queuePrefix });
    await slots.reserve(testZalo.oaId, stack.config.outboundRatePerSec, stack.config.outboundRatePerSec * 3);
    const postedAt = Date.now();
    expect((await stack.postEvent(userText('cach cai vneid', userId))).status).toBe(200);
    await settledRepliesTo(stack, userId, { atLeast: 2, timeoutMs: 20_000 });
    const rows = await repliesTo(userId);
    const [handed] = queued;
    expect(handed?.ids).toEqual(rows.map((r) => r.id));
    expect(handed?.oaId).toBe(testZalo.oaId);
    expect(handed?.delayMs).toBeGreaterThan(1000);
    // The job holds the slots reserved for it and does not queue for them a second time.
    expect(handed?.slotAt).toBeGreaterThan(postedAt + 1000);
    const sentAt = stack.fake.state.delivered.filter((d) => d.to === `user:${userId}`).map((d) => d.at.getTime());
    expect(Math.min(...sentAt)).toBeGreaterThanOrEqual((handed?.slotAt ?? 0) - 100);
    expect(rows.map((r) => r.status)).toEqual(rows.map(() => 'sent'));
  });

  it('that fail on the way are handed to the sender queue, which retries them: each delivered once, in order', async () => {
    const userId = '7500000000000000003';
    stack.fake.inject(sendPath, { kind: 'http-status', status: 500 });
    expect((await stack.postEvent(userText('cach cai vneid', userId))).status).toBe(200);
    const delivered = await settledRepliesTo(stack, userId, { atLeast: 2, timeoutMs: 20_000 });
    const rows = await repliesTo(userId);
    // The 500's outcome was unknown: checked in the conversation, then sent again, once.
    expect(rows.map((r) => r.attempts)).toEqual([2, ...rows.slice(1).map(() => 1)]);
    expect(delivered).toHaveLength(rows.length);
    expect(queued.map((q) => q.ids)).toEqual([rows.map((r) => r.id)]);
  });
});
