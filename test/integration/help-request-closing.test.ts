import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helpDoneQuestion } from '../../bot/chat/resident/help-confirmation.ts';
import { closeHelpRequest } from '../../bot/domain/help-requests/close-help-request.ts';
import { helpRequests, outboundMessages, residents } from '../../db/schema/index.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { runConversation } from '../helpers/conversation-runner.ts';
import { linkTeamGroups } from '../helpers/link-team-groups.ts';
import { settledRepliesTo } from '../helpers/outbox.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  await seedDemoCommune(stack.core.db);
  await linkTeamGroups(stack.core.db, [{ unit: 'Thôn Tây', kind: 'village', groupId: 'group-thon-tay' }]);
});
afterAll(async () => {
  await stack?.close();
});

const user = '8200000000000000001';

async function openVisit(forUser = user) {
  await runConversation(stack, {
    name: 'home visit without a phone',
    user: forUser,
    turns: [
      { say: 'nho to den nha huong dan lam muc 2 giup toi', expect: [{ contains: ['KHÔNG BAO GIỜ'] }, { buttons: ['Đồng ý', 'Không đồng ý'] }] },
      { tap: 'Đồng ý', expect: [{ contains: ['thôn/tổ dân phố nào'] }] },
      { say: 'xóm tây', expect: [{ contains: ['Lúc nào tổ đến'] }] },
      { say: 'chieu thu bay', expect: [{ buttons: ['Chia sẻ số điện thoại', 'Không để số'] }] },
      { tap: 'Không để số', expect: [{ contains: ['tên và chỗ ở'] }] },
      { say: 'Bà Năm, nhà cạnh cây đa đầu ngõ 3', expect: [{ contains: ['yêu cầu số', 'Tổ công nghệ số thôn Tây'] }] },
    ],
  });
  const [resident] = await stack.core.db.select().from(residents).where(eq(residents.zaloUserId, forUser));
  const [request] = await stack.core.db.select().from(helpRequests).where(eq(helpRequests.residentId, resident?.id ?? -1));
  if (!request) throw new Error('no request');
  return request;
}

async function close(requestId: number) {
  const outcome = await stack.core.db.transaction((tx) =>
    closeHelpRequest(tx, { requestId, memberId: null, note: 'đã hướng dẫn xong', now: new Date(), question: (r, addressForm) => helpDoneQuestion(r.id, addressForm) }),
  );
  if (outcome.kind === 'closed') await stack.core.queues.enqueueOutbound(outcome.outboxIds);
  return outcome;
}

describe('closing a help request', () => {
  it('files a visit with the topic and address, asks the resident when closed, and reopens on "Chưa"', async () => {
    const request = await openVisit();
    expect(request).toMatchObject({ topic: 'vneid-level2', preferredTime: 'chieu thu bay', status: 'open' });
    expect(request.note).toContain('Bà Năm, nhà cạnh cây đa');

    expect((await close(request.id)).kind).toBe('closed');
    expect((await close(request.id)).kind).toBe('already-closed');
    const asked = await settledRepliesTo(stack, user, { atLeast: 8 });
    expect(asked.at(-1)?.text).toContain(`Yêu cầu số ${request.id} đã được tổ đánh dấu là xong`);

    await runConversation(stack, {
      name: 'not solved yet',
      user,
      turns: [{ tap: 'Chưa xong', expect: [{ contains: [`mở lại yêu cầu số ${request.id}`, 'Tổ công nghệ số thôn Tây'] }] }],
    });
    const [reopened] = await stack.core.db.select().from(helpRequests).where(eq(helpRequests.id, request.id));
    expect(reopened).toMatchObject({ status: 'open', reopenedCount: 1, closedAt: null });
    const teamMessages = await stack.core.db.select().from(outboundMessages).where(eq(outboundMessages.channel, 'team_group'));
    expect(teamMessages.map((m) => (m.payload as { text: string }).text).some((t) => t.includes(`Yêu cầu số ${request.id} được mở lại`))).toBe(true);
  });

  it('records "Có" once; a second tap is answered politely', async () => {
    const [request] = await stack.core.db.select().from(helpRequests);
    if (!request) throw new Error('no request');
    await close(request.id);
    await settledRepliesTo(stack, user, { atLeast: 10 });
    await runConversation(stack, {
      name: 'solved',
      user,
      turns: [
        { tap: 'Có, xong rồi', expect: [{ contains: ['Cảm ơn'] }] },
        { tap: 'Chưa xong', expect: [{ contains: ['đã ghi nhận'] }] },
      ],
    });
    const [done] = await stack.core.db.select().from(helpRequests).where(eq(helpRequests.id, request.id));
    expect(done?.status).toBe('done');
    expect(done?.residentConfirmedAt).not.toBeNull();
  });

  it('a typed "xong rồi cháu ạ" answers "đã được hỗ trợ xong chưa?" like the button', async () => {
    const other = '8200000000000000021';
    const request = await openVisit(other);
    await close(request.id);
    await settledRepliesTo(stack, other, { atLeast: 8 });
    await runConversation(stack, { name: 'typed yes', user: other, turns: [{ say: 'dạ xong rồi cháu ạ', expect: [{ contains: ['Cảm ơn'] }] }] });
    const [confirmed] = await stack.core.db.select().from(helpRequests).where(eq(helpRequests.id, request.id));
    expect(confirmed?.residentConfirmedAt).not.toBeNull();
  });
});
