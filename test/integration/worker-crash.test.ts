import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { outboundMessages } from '../../db/schema/index.ts';
import { outboxRow, queueText, settledRow } from '../helpers/outbox.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { startWorkerProcess } from '../helpers/worker-process.ts';
import type { NodeProcess } from '../helpers/node-process.ts';

let stack: TestStack;
const processes: NodeProcess[] = [];
beforeAll(async () => {
  // Workers run as separate processes here, so they can be killed.
  stack = await startTestStack({ workers: false });
});
afterEach(async () => {
  await Promise.all(processes.splice(0).map((p) => p.kill('SIGTERM')));
});
afterAll(async () => {
  await stack?.close();
});

const sendPath = '/v3.0/oa/message/cs';
const deliveredTo = (userId: string) => stack.fake.state.delivered.filter((d) => d.to === `user:${userId}`);
const worker = () => {
  const p = startWorkerProcess(stack.env);
  processes.push(p);
  return p;
};

describe('a worker killed with SIGKILL in the middle of a send', () => {
  it('after Zalo accepted the message but before we recorded it: delivered exactly once', async () => {
    const userId = '7300000000000000001';
    stack.fake.inject(sendPath, { kind: 'hold-after-delivery', ms: 10_000 });
    const first = worker();
    const id = await queueText(stack, userId, 'Tin nhắn không được gửi hai lần');

    await waitFor(() => deliveredTo(userId).length === 1, { timeoutMs: 20_000, what: 'delivery at the fake' });
    expect((await outboxRow(stack, id)).status).toBe('sending');
    await first.kill('SIGKILL');

    worker();
    const row = await settledRow(stack, id, 30_000);
    expect(row.status).toBe('sent');
    expect(deliveredTo(userId)).toHaveLength(1);
    expect(row.zaloMessageId).toBe(deliveredTo(userId)[0]?.messageId);
  });

  it('while the request was on its way (Zalo still processed it): delivered exactly once', async () => {
    const userId = '7300000000000000002';
    stack.fake.inject(sendPath, { kind: 'latency', ms: 1500 });
    const first = worker();
    const id = await queueText(stack, userId, 'Yêu cầu đang trên đường đi');

    await waitFor(() => stack.fake.state.rules.length === 0, { timeoutMs: 20_000, what: 'the request to reach the fake' });
    await first.kill('SIGKILL');
    await waitFor(() => deliveredTo(userId).length === 1, { what: 'the fake to finish the orphaned request' });

    worker();
    const row = await settledRow(stack, id, 30_000);
    expect(row.status).toBe('sent');
    expect(deliveredTo(userId)).toHaveLength(1);
  });

  it('after claiming the row but before calling Zalo: sent exactly once', async () => {
    const userId = '7300000000000000003';
    const id = await queueText(stack, userId, 'Chưa kịp gửi', { enqueue: false });
    // The state a crash right after the claim commits leaves behind.
    await stack.core.db
      .update(outboundMessages)
      .set({ status: 'sending', claimedAt: new Date(Date.now() - 60_000), attempts: 1 })
      .where(eq(outboundMessages.id, id));

    worker(); // its sweeper finds the row and queues it
    const row = await settledRow(stack, id, 30_000);
    expect(row.status).toBe('sent');
    expect(deliveredTo(userId)).toHaveLength(1);
  });
});
