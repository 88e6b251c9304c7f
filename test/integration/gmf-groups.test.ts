import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamLinkCode } from '../../bot/domain/teams/link-codes.ts';
import { findOrgUnitByCode } from '../../db/queries/org-units.ts';
import { findTeamOfUnit } from '../../db/queries/teams.ts';
import { helpRequests, members, outboundMessages, reportItems, reports, residents, teams } from '../../db/schema/index.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { runConversation } from '../helpers/conversation-runner.ts';
import { gmfGroupText } from '../helpers/group-events.ts';
import { settledRepliesTo } from '../helpers/outbox.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { fixtureDeliveredNow } from '../helpers/zalo-events.ts';

let stack: TestStack;
const dongGroup = '9102938475610293847'; // the group in the fixture
const tayGroup = '9102938475610299999';
const an = { senderId: '7845329107443210001', name: 'Nguyễn Văn An' };

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemoCommune(stack.core.db);
  stack.fake.state.gmfGroups.set(dongGroup, true);
  stack.fake.state.gmfGroups.set(tayGroup, true);
});
afterAll(async () => {
  await stack?.close();
});

const inGroup = (groupId: string) => stack.fake.state.delivered.filter((d) => d.to === `group:${groupId}`);
async function say(groupId: string, who: { senderId: string; name: string }, text: string, msgId?: string) {
  const before = inGroup(groupId).length;
  const res = await stack.postEvent(gmfGroupText({ groupId, ...who, text, ...(msgId ? { msgId } : {}) }));
  expect(res.status).toBe(200);
  return before;
}
const repliesAfter = (groupId: string, before: number, count = 1) =>
  waitFor(() => (inGroup(groupId).length >= before + count ? inGroup(groupId).slice(before) : undefined), { what: `a reply in ${groupId}` });
async function teamOf(code: string) {
  const unit = await findOrgUnitByCode(stack.core.db, code);
  const team = unit && (await findTeamOfUnit(stack.core.db, { unitId: unit.id, kind: 'village' }));
  if (!team) throw new Error(`no team for ${code}`);
  return team;
}

describe('a team in an OA-owned (GMF) group', () => {
  it('an unlinked group ignores reports and chat, answers /giup, and is linked with /lienket', async () => {
    await say(dongGroup, an, '/bc 12 hộ');
    await say(dongGroup, an, 'chào cả nhà');
    const before = await say(dongGroup, an, '/giup');
    const [help] = await repliesAfter(dongGroup, before);
    expect(help?.text).toContain('chưa liên kết');
    expect(help?.text).toContain('/bc 12 hộ');
    expect(await stack.core.db.select().from(reports)).toHaveLength(0);

    const dong = await teamOf('demo-xa-thon-dong');
    const { code } = await createTeamLinkCode(stack.core.db, { teamId: dong.id, now: new Date() });
    const b2 = await say(dongGroup, an, `/lienket ${code.toLowerCase()}`);
    const [linked] = await repliesAfter(dongGroup, b2);
    expect(linked?.text).toBe(`@Nguyễn Văn An 🔗 Nhóm này đã liên kết với Tổ CNSCĐ Thôn Đông. Gõ /giup để xem cách báo cáo.`);
    const [bound] = await stack.core.db.select().from(teams).where(eq(teams.id, dong.id));
    expect(bound).toMatchObject({ groupTransport: 'gmf', zaloGroupId: dongGroup });
    // A used code does not work twice.
    const b3 = await say(tayGroup, an, `/lienket ${code}`);
    expect((await repliesAfter(tayGroup, b3))[0]?.text).toContain('đã được dùng');
  });

  it('records a report from the recorded webhook fixture once, even when Zalo delivers it twice', async () => {
    const before = inGroup(dongGroup).length;
    const body = fixtureDeliveredNow('user_send_group_text');
    expect((await stack.postEvent(body)).status).toBe(200);
    expect((await stack.postEvent(body)).status).toBe(200);
    const [confirm] = await repliesAfter(dongGroup, before);
    expect(confirm?.text).toContain('@Nguyễn Văn An ✅ Đã ghi báo cáo ngày');
    expect(confirm?.text).toContain('• 12 hộ đã đến');
    expect(confirm?.text).toContain('• 3 định danh mức 2');
    expect(confirm?.text).toContain('/huy');
    expect(confirm?.text).toContain('chưa có trong danh sách tổ');
    await new Promise((r) => setTimeout(r, 800));
    expect(inGroup(dongGroup).length).toBe(before + 1);
    const saved = await stack.core.db.select().from(reports);
    expect(saved).toHaveLength(1);
    const items = await stack.core.db.select().from(reportItems).where(eq(reportItems.reportId, saved[0]?.id ?? -1));
    expect(Object.fromEntries(items.map((i) => [i.metric, i.count]))).toEqual({ households_visited: 12, people_guided: 30, vneid_accounts: 8, vneid_level2: 3 });
    const [member] = await stack.core.db.select().from(members).where(eq(members.zaloUserId, an.senderId));
    expect(member).toMatchObject({ displayName: 'Nguyễn Văn An', verified: false, zaloIdSource: 'oa', role: 'member' });
  });

  it('rejects a bad report with the reason and saves nothing', async () => {
    const before = await say(dongGroup, an, '/bc 12 hộ, 5 con gà');
    const [reply] = await repliesAfter(dongGroup, before);
    expect(reply?.text).toContain('Báo cáo chưa được ghi');
    expect(reply?.text).toContain('5 con gà');
    expect(await stack.core.db.select().from(reports)).toHaveLength(1);
  });

  it('/tuan sums the week, /huy undoes the sender’s last report', async () => {
    const b1 = await say(dongGroup, an, 'báo cáo hôm nay 3 hộ, 4 người');
    await repliesAfter(dongGroup, b1);
    const b2 = await say(dongGroup, an, '/tuan');
    const [week] = await repliesAfter(dongGroup, b2);
    expect(week?.text).toContain('• 15 hộ đã đến');
    expect(week?.text).toContain('• 34 người được hướng dẫn');
    const b3 = await say(dongGroup, an, '/huy');
    const [undone] = await repliesAfter(dongGroup, b3);
    expect(undone?.text).toContain('Đã hủy báo cáo');
    expect(undone?.text).toContain('3 hộ đã đến, 4 người được hướng dẫn');
    const b4 = await say(dongGroup, an, '/tuan');
    expect((await repliesAfter(dongGroup, b4))[0]?.text).toContain('• 12 hộ đã đến');
  });

  it('posts a resident’s home-visit request in the team’s group; /nhan and /xong reach the resident', async () => {
    const user = '8300000000000000001';
    await runConversation(stack, {
      name: 'home visit for Thôn Đông',
      user,
      turns: [
        { say: 'nhờ tổ đến nhà giúp tôi cài vneid', expect: [{ contains: ['KHÔNG BAO GIỜ'] }, { buttons: ['Đồng ý', 'Không đồng ý'] }] },
        { tap: 'Đồng ý', expect: [{ contains: ['thôn/tổ dân phố nào'] }] },
        { tap: 'Thôn Đông', expect: [{ contains: ['Lúc nào tổ đến'] }] },
        { tap: 'Buổi chiều', expect: [{ buttons: ['Chia sẻ số điện thoại', 'Không để số'] }] },
        { say: 'so cua toi 0987 654 321', expect: [{ contains: ['yêu cầu số'] }] },
      ],
    });
    const [resident] = await stack.core.db.select().from(residents).where(eq(residents.zaloUserId, user));
    const [request] = await stack.core.db.select().from(helpRequests).where(eq(helpRequests.residentId, resident?.id ?? -1));
    const id = request?.id ?? -1;
    const [post] = await waitFor(() => {
      const posts = inGroup(dongGroup).filter((d) => d.text?.includes(`Yêu cầu hỗ trợ tận nhà số ${id}`));
      return posts.length > 0 ? posts : undefined;
    });
    expect(post?.text).toContain(`/nhan ${id}`);
    expect(post?.text).toContain('0987654321');

    const b1 = await say(dongGroup, an, `/nhận ${id}`);
    expect((await repliesAfter(dongGroup, b1))[0]?.text).toContain(`đã nhận yêu cầu số ${id} (Thôn Đông, Cài VNeID, đăng ký mức 1)`);
    const toResident = await settledRepliesTo(stack, user, { atLeast: 7 });
    expect(toResident.at(-1)?.text).toContain(`Nguyễn Văn An (Tổ công nghệ số thôn Đông) đã nhận yêu cầu số ${id}`);

    const b2 = await say(dongGroup, an, '/yeucau');
    expect((await repliesAfter(dongGroup, b2))[0]?.text).toContain(`Số ${id} – Thôn Đông – Cài VNeID, đăng ký mức 1 – hôm nay – Nguyễn Văn An đang làm`);

    const b3 = await say(dongGroup, an, `/xong ${id} đã cài xong cho bác`);
    expect((await repliesAfter(dongGroup, b3))[0]?.text).toContain(`Đã đánh dấu xong yêu cầu số ${id}`);
    const asked = await settledRepliesTo(stack, user, { atLeast: 8 });
    expect(asked.at(-1)?.text).toContain(`Yêu cầu số ${id} đã được tổ đánh dấu là xong`);
    const [closed] = await stack.core.db.select().from(helpRequests).where(eq(helpRequests.id, id));
    expect(closed).toMatchObject({ status: 'done', closeNote: 'đã cài xong cho bác' });
  });

  it('refuses /nhan from a member of another team', async () => {
    const tay = await teamOf('demo-xa-thon-tay');
    const { code } = await createTeamLinkCode(stack.core.db, { teamId: tay.id, now: new Date() });
    const dung = { senderId: '7845329107443210002', name: 'Phạm Thị Dung' };
    const b1 = await say(tayGroup, dung, `/lienket ${code}`);
    await repliesAfter(tayGroup, b1);
    // An open request of Thôn Đông's team, which Thôn Tây's members must not take.
    const dong = await teamOf('demo-xa-thon-dong');
    const commune = await findOrgUnitByCode(stack.core.db, 'demo-xa');
    const [fresh] = await stack.core.db
      .insert(helpRequests)
      .values({ kind: 'home_visit', communeId: commune?.id ?? -1, teamId: dong.id, villageId: dong.unitId, createdAt: new Date(), dueAt: new Date(Date.now() + 3 * 86_400_000) })
      .returning();
    const b2 = await say(tayGroup, dung, `/nhan ${fresh?.id}`);
    expect((await repliesAfter(tayGroup, b2))[0]?.text).toContain('không thuộc tổ này');
    const [still] = await stack.core.db.select().from(helpRequests).where(eq(helpRequests.id, fresh?.id ?? -1));
    expect(still).toMatchObject({ status: 'open', claimedByMemberId: null });
  });

  it('sends group replies through the GMF endpoint with the OA token', async () => {
    const call = stack.fake.state.callsTo('/v3.0/oa/group/message').at(-1);
    expect(call?.headers['access_token']).toMatch(/^AT-/);
    expect(call?.body).toMatchObject({ recipient: { group_id: tayGroup } });
    const groupRows = await stack.core.db.select().from(outboundMessages).where(eq(outboundMessages.channel, 'zalo_group'));
    expect(groupRows.every((r) => r.status === 'sent')).toBe(true);
  });
});
