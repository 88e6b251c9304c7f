import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundEvents, outboundMessages, residents } from '../../db/schema/index.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { fixtureDeliveredNow, userText } from '../helpers/zalo-events.ts';
import { settledRepliesTo } from '../helpers/outbox.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.close();
});

const sendPath = '/v3.0/oa/message/cs';

describe('a resident message through webhook, queue, worker and OA API', () => {
  it('stores the event, processes it and replies through the fake Zalo', async () => {
    const body = fixtureDeliveredNow('user_send_text');
    const res = await stack.postEvent(body);
    expect(res.status).toBe(200);

    // First contact: the welcome (with the privacy notice), then the guide's first step with its buttons.
    const replies = await settledRepliesTo(stack, '6142494823919228012', { atLeast: 2 });
    expect(replies).toHaveLength(2);
    expect(replies[0]?.text).toContain('KHÔNG BAO GIỜ hỏi mã OTP');
    expect(replies[1]?.text).toContain('Bước 1/');
    const delivered = replies[1];

    const [event] = await stack.core.db.select().from(inboundEvents);
    expect(event).toMatchObject({ eventName: 'user_send_text', status: 'processed', oaId: '3662729599332560487' });
    expect(event?.payload).toBe(body);
    const [resident] = await stack.core.db.select().from(residents);
    expect(resident).toMatchObject({ zaloUserId: '6142494823919228012', displayName: null, phone: null });
    const rows = await stack.core.db.select().from(outboundMessages).where(eq(outboundMessages.inboundEventId, event?.id ?? -1)).orderBy(outboundMessages.id);
    expect(rows.map((r) => r.zaloMessageId)).toEqual(replies.map((d) => d.messageId));
    expect(delivered?.message).toHaveProperty('attachment');

    // The request Zalo saw: bare access_token header, a token obtained with the single-use refresh token.
    const call = stack.fake.state.callsTo(sendPath)[0];
    expect(call?.headers['access_token']).toMatch(/^AT-/);
    expect(call?.headers['authorization']).toBeUndefined();
    expect(stack.fake.state.callsTo('/v4/oa/access_token')).toHaveLength(1);
  });

  it('answers the same event delivered three times with one row and one reply', async () => {
    const event = userText('Xin chào', '7000000000000000001');
    const body = JSON.stringify(event);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await stack.postEvent(body)).status);
    expect(statuses).toEqual([200, 200, 200]);

    const first = await settledRepliesTo(stack, '7000000000000000001');
    // Give a wrongly queued duplicate time to show up before asserting there is none.
    await new Promise((r) => setTimeout(r, 1000));
    const rows = await stack.core.db.select().from(inboundEvents).where(eq(inboundEvents.dedupeKey, `oa:${stack.config.zalo?.oaId}:user_send_text:${(event.message as { msg_id: string }).msg_id}`));
    expect(rows).toHaveLength(1);
    // One reply: the welcome and the menu, each delivered once.
    expect(await settledRepliesTo(stack, '7000000000000000001')).toEqual(first);
    expect(first.map((d) => d.text?.slice(0, 10))).toHaveLength(2);
  });

  it('stores a follow and a shared-info event (the follow is welcomed)', async () => {
    expect((await stack.postEvent(fixtureDeliveredNow('follow'))).status).toBe(200);
    expect((await stack.postEvent(fixtureDeliveredNow('user_submit_info'))).status).toBe(200);
    await waitFor(async () => {
      const rows = await stack.core.db.select().from(inboundEvents);
      return rows.filter((r) => ['follow', 'user_submit_info'].includes(r.eventName)).every((r) => r.status === 'processed') && rows.length >= 3;
    });
  });
});
