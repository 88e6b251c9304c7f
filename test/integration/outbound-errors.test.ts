import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { queueReplies } from '../../bot/domain/outbox/queue-replies.ts';
import { outboxRow, queueText, settledRow } from '../helpers/outbox.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { waitFor } from '../helpers/wait-for.ts';

let stack: TestStack;
beforeAll(async () => {
  // Short, so the in-doubt policy can be seen deciding within a test.
  stack = await startTestStack({ env: { UNVERIFIED_RESEND_AFTER_SEC: '2' } });
});
afterAll(async () => {
  await stack?.close();
});

const sendPath = '/v3.0/oa/message/cs';
const sendsTo = (userId: string) => stack.fake.state.callsTo(sendPath).filter((c) => (c.body as { recipient?: { user_id?: string } }).recipient?.user_id === userId);
const deliveredTo = (userId: string) => stack.fake.state.delivered.filter((d) => d.to === `user:${userId}`);

describe('outbound delivery against Zalo errors', () => {
  it('delivers normally and records Zalo’s message id', async () => {
    const id = await queueText(stack, '7200000000000000001', 'Chào bác');
    const row = await settledRow(stack, id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    expect(row.zaloMessageId).toBe(deliveredTo('7200000000000000001')[0]?.messageId);
  });

  it('-216 once: refreshes the token, retries once, and succeeds', async () => {
    await settledRow(stack, await queueText(stack, '7200000000000000002', 'warm-up'));
    const refreshesBefore = stack.fake.state.callsTo('/v4/oa/access_token').length;
    stack.fake.inject(sendPath, { kind: 'zalo-error', code: -216, message: 'Access token is invalid' });
    const id = await queueText(stack, '7200000000000000002', 'Sau khi làm mới token');
    const row = await settledRow(stack, id);
    expect(row.status).toBe('sent');
    expect(stack.fake.state.callsTo('/v4/oa/access_token')).toHaveLength(refreshesBefore + 1);
    const calls = sendsTo('7200000000000000002').slice(-2);
    expect(calls.map((c) => (c.response as { error: number }).error)).toEqual([-216, 0]);
    expect(calls[0]?.headers['access_token']).not.toBe(calls[1]?.headers['access_token']);
    expect(deliveredTo('7200000000000000002').map((d) => d.text)).toEqual(['warm-up', 'Sau khi làm mới token']);
  });

  it('-230 (outside the 7-day window): not retried, status and code recorded', async () => {
    stack.fake.inject(sendPath, { kind: 'zalo-error', code: -230, message: 'User has not interacted with the OA in the past 7 days' });
    const id = await queueText(stack, '7200000000000000003', 'Nhắc lịch');
    const row = await settledRow(stack, id);
    expect(row).toMatchObject({ status: 'failed', lastErrorCode: -230, attempts: 1 });
    await new Promise((r) => setTimeout(r, 500));
    expect(sendsTo('7200000000000000003')).toHaveLength(1);
    expect(deliveredTo('7200000000000000003')).toHaveLength(0);
  });

  it('a user really outside the window at the fake gets -230 as well', async () => {
    stack.fake.state.lastInteraction.set('7200000000000000004', new Date(Date.now() - 8 * 24 * 3600_000));
    const row = await settledRow(stack, await queueText(stack, '7200000000000000004', 'Xin chào'));
    expect(row).toMatchObject({ status: 'failed', lastErrorCode: -230 });
  });

  it('HTTP 500: retried after checking it did not arrive, then delivered once', async () => {
    stack.fake.inject(sendPath, { kind: 'http-status', status: 500 });
    const id = await queueText(stack, '7200000000000000005', 'Thử lại sau lỗi 500');
    const row = await settledRow(stack, id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sendsTo('7200000000000000005').map((c) => c.status)).toEqual([500, 200]);
    expect(deliveredTo('7200000000000000005')).toHaveLength(1);
    // The outcome of the 500 was unknown, so the conversation was checked before sending again.
    expect(stack.fake.state.callsTo('/v2.0/oa/conversation').some((c) => c.query.data?.includes('7200000000000000005'))).toBe(true);
  });

  it('no access token to be had (the OAuth host answers 500): a plain retry, nothing in doubt, delivered once', async () => {
    const user = '7200000000000000015';
    await settledRow(stack, await queueText(stack, user, 'warm-up'));
    // The send is rejected for its token; the refresh then fails, so the second send is never made.
    stack.fake.inject(sendPath, { kind: 'zalo-error', code: -216, message: 'Access token is invalid' });
    stack.fake.inject('/v4/oa/access_token', { kind: 'http-status', status: 500 });
    const id = await queueText(stack, user, 'Khi máy chủ cấp token trục trặc');
    const row = await settledRow(stack, id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, possiblyDuplicate: false, unverifiedSince: null });
    expect(sendsTo(user).map((c) => (c.response as { error?: number } | null)?.error)).toEqual([0, -216, 0]);
    expect(deliveredTo(user).map((d) => d.text)).toEqual(['warm-up', 'Khi máy chủ cấp token trục trặc']);
    // Nothing could have arrived, so the conversation was not searched before sending again.
    expect(stack.fake.state.callsTo('/v2.0/oa/conversation').some((c) => c.query.data?.includes(user))).toBe(false);
  });

  it('-32 (rate limited): backs off and delivers', async () => {
    stack.fake.inject(sendPath, { kind: 'zalo-error', code: -32, message: 'Your application/OA reached limit call api' });
    const row = await settledRow(stack, await queueText(stack, '7200000000000000006', 'Sau khi bị giới hạn'));
    expect(row.status).toBe('sent');
    expect(sendsTo('7200000000000000006').map((c) => (c.response as { error: number }).error)).toEqual([-32, 0]);
    expect(deliveredTo('7200000000000000006')).toHaveLength(1);
  });

  it('keeps several messages to one person in order', async () => {
    const ids = [];
    for (const text of ['một', 'hai', 'ba', 'bốn']) ids.push(await queueText(stack, '7200000000000000007', text, { enqueue: false }));
    // Enqueue in reverse: the order must come from the outbox, not from the queue.
    await stack.core.queues.enqueueOutbound([...ids].reverse());
    for (const id of ids) await settledRow(stack, id);
    expect(deliveredTo('7200000000000000007').map((d) => d.text)).toEqual(['một', 'hai', 'ba', 'bốn']);
  });

  it('a timeout with the message delivered is reconciled without a second send', async () => {
    // Zalo accepts the message but answers after our 2 s timeout.
    stack.fake.inject(sendPath, { kind: 'hold-after-delivery', ms: 2500 });
    const id = await queueText(stack, '7200000000000000008', 'Tin chậm');
    const row = await settledRow(stack, id);
    expect(row.status).toBe('sent');
    expect(deliveredTo('7200000000000000008')).toHaveLength(1);
    expect(row.zaloMessageId).toBe(deliveredTo('7200000000000000008')[0]?.messageId);
    expect((await outboxRow(stack, id)).attempts).toBe(2);
  });

  describe('when the conversation history cannot be read', () => {
    const historyPath = '/v2.0/oa/conversation';
    const historyDown = () => stack.fake.inject(historyPath, { kind: 'http-status', status: 503 }, 10_000);
    const historyBack = () => (stack.fake.state.rules = stack.fake.state.rules.filter((r) => r.path !== historyPath));

    it('a guide step is sent once more after UNVERIFIED_RESEND_AFTER_SEC and recorded as a possible duplicate', async () => {
      historyDown();
      try {
        // Zalo delivers, then answers after our timeout: we cannot know it arrived.
        stack.fake.inject(sendPath, { kind: 'hold-after-delivery', ms: 2500 });
        const id = await queueText(stack, '7200000000000000020', 'Bước 2: mở ứng dụng VNeID');
        const row = await settledRow(stack, id, 30_000);
        // The first send and the resend; the checks that could not be made did not use up attempts.
        expect(row).toMatchObject({ status: 'sent', possiblyDuplicate: true, unverifiedSince: null, attempts: 2 });
        // Exactly one resend: the resident may see it twice, never three times, and never zero.
        expect(deliveredTo('7200000000000000020')).toHaveLength(2);
      } finally {
        historyBack();
      }
    });

    it('a resend that ends in doubt too is never sent a third time: it waits for the history', async () => {
      historyDown();
      let id = 0;
      try {
        // Both the first attempt and the resend are delivered but answered too late.
        stack.fake.inject(sendPath, { kind: 'hold-after-delivery', ms: 2500 }, 2);
        id = await queueText(stack, '7200000000000000022', 'Bước 3: chụp ảnh CCCD');
        await waitFor(async () => (await outboxRow(stack, id)).possiblyDuplicate && deliveredTo('7200000000000000022').length === 2, { timeoutMs: 20_000, what: 'the one resend' });
        // Well past UNVERIFIED_RESEND_AFTER_SEC again: still waiting, not resending.
        await new Promise((r) => setTimeout(r, 4000));
        expect(deliveredTo('7200000000000000022')).toHaveLength(2);
        expect((await outboxRow(stack, id)).status).toBe('sending');
      } finally {
        historyBack();
      }
      // The history answers: the resend is found there and recorded, nothing more is sent.
      const row = await settledRow(stack, id, 30_000);
      expect(row.status).toBe('sent');
      expect(deliveredTo('7200000000000000022')).toHaveLength(2);
    });

    it('a "did it work?" nudge is given up as unconfirmed instead of risking a second copy', async () => {
      historyDown();
      try {
        stack.fake.inject(sendPath, { kind: 'http-status', status: 500 });
        const [id] = await queueReplies(stack.core.db, {
          cause: `follow-up-${randomUUID()}`,
          oaId: stack.config.zalo?.oaId ?? '',
          recipientUserId: '7200000000000000021',
          residentId: null,
          inboundEventId: null,
          contents: [{ kind: 'text', text: 'Bạn đã cài được chưa?' }],
        });
        if (id === undefined) throw new Error('no row');
        await stack.core.queues.enqueueOutbound([id]);
        const row = await settledRow(stack, id, 30_000);
        expect(row).toMatchObject({ status: 'failed', possiblyDuplicate: false });
        expect(row.lastError).toMatch(/^unconfirmed: delivery could not be checked/);
        expect(deliveredTo('7200000000000000021')).toHaveLength(0);
      } finally {
        historyBack();
      }
    });

    it('shows both counts in /metrics', async () => {
      const text = await (await fetch(`${stack.baseUrl}/metrics`)).text();
      expect(text).toMatch(/^cdt_outbox_possibly_duplicate 2$/m);
      expect(text).toMatch(/^cdt_outbox_unconfirmed 1$/m);
      expect(text).toMatch(/^cdt_outbox_messages\{status="sent"\} \d+$/m);
    });
  });
});
