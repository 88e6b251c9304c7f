import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportItems, reports } from '../../db/schema/index.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { gmfGroupText } from '../helpers/group-events.ts';
import { linkTeamGroups } from '../helpers/link-team-groups.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { waitFor } from '../helpers/wait-for.ts';

/** Issue 7, point 10: report lines as members type them, posted in a linked group, with the reply they see. */
let stack: TestStack;
const group = '9102938475610291111';
const binh = { senderId: '7845329107443210002', name: 'Trần Thị Bình' };

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemoCommune(stack.core.db);
  await linkTeamGroups(stack.core.db, [{ unit: 'Thôn Đông', kind: 'village', groupId: group }]);
  stack.fake.state.gmfGroups.set(group, true);
});
afterAll(async () => {
  await stack?.close();
});

const inGroup = () => stack.fake.state.delivered.filter((d) => d.to === `group:${group}`);
/** Posts a line as Bình and returns the reply she sees, or null when the bot stays silent. */
async function post(text: string, expectReply = true): Promise<string | null> {
  const before = inGroup().length;
  expect((await stack.postEvent(gmfGroupText({ groupId: group, ...binh, text }))).status).toBe(200);
  if (!expectReply) {
    await new Promise((r) => setTimeout(r, 600));
    expect(inGroup()).toHaveLength(before);
    return null;
  }
  const [reply] = await waitFor(() => (inGroup().length > before ? inGroup().slice(before) : undefined), { what: `a reply to "${text}"` });
  return reply?.text ?? null;
}
async function lastCounts(): Promise<Record<string, number>> {
  const saved = await stack.core.db.select().from(reports).orderBy(reports.id);
  const last = saved.filter((r) => r.undoneAt === null).at(-1);
  const items = await stack.core.db.select().from(reportItems).where(eq(reportItems.reportId, last?.id ?? -1));
  return Object.fromEntries(items.map((i) => [i.metric, i.count]));
}

describe('report lines in a team group, as the member sees them', () => {
  it('"/bc5 hộ", "bc …", "BC: …" are reports', async () => {
    expect(await post('/bc5 hộ')).toContain('• 5 hộ đã đến');
    expect(await post('bc 12 ho 30 ng')).toContain('• 30 người được hướng dẫn');
    expect(await post('BC: 4 định danh, 2 kích hoạt VNeID, 9 nhân khẩu')).toContain('• 6 tài khoản VNeID (mức 1)');
    expect(await lastCounts()).toEqual({ vneid_accounts: 6, people_guided: 9 });
  });

  it('"3 người cài VssID" is a VssID count only', async () => {
    const reply = await post('/bc 3 người cài VssID');
    expect(reply).toContain('• 3 cài VssID');
    expect(reply).not.toContain('người được hướng dẫn');
    expect(await lastCounts()).toEqual({ vssid_installs: 3 });
  });

  it('a total is checked against the parts and never added', async () => {
    expect(await post('/bc 10 vneid, 3 mức 2, tổng 13')).not.toContain('chưa được ghi');
    expect(await lastCounts()).toEqual({ vneid_accounts: 10, vneid_level2: 3 });
    const refused = await post('/bc 10 vneid, 3 mức 2, tổng 15');
    expect(refused).toContain('Báo cáo chưa được ghi');
    expect(refused).toContain('tổng 15');
    expect(refused).toContain('10 + 3');
  });

  it('every number is placed or named: never an empty quote', async () => {
    const refused = await post('/bc 12 hộ, 5 con gà');
    expect(refused).toContain('"5 con gà"');
    expect(refused).not.toContain('""');
    expect(await post('/bc thôn 3: 8 hộ lúc 8h30')).toContain('• 8 hộ đã đến');
  });

  it('a date later than today is refused, never read as last year', async () => {
    const tomorrow = new Date(Date.now() + 36 * 3600_000);
    const dm = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: 'numeric', month: 'numeric' }).format(tomorrow);
    expect(await post(`/bc ${dm} 12 hộ`)).toContain('chưa tới');
  });

  it('"sửa lại: …" explains /sua, and /sua replaces the last report', async () => {
    expect(await post('sửa lại: 12 hộ, 20 người')).toContain('/sua');
    await post('/bc 7 hộ');
    const corrected = await post('/sua 9 hộ, 14 người');
    expect(corrected).toContain('Đã sửa báo cáo');
    expect(await lastCounts()).toEqual({ households_visited: 9, people_guided: 14 });
    const counted = (await stack.core.db.select().from(reports)).filter((r) => r.undoneAt === null);
    expect(counted.some((r) => r.id !== undefined)).toBe(true);
  });

  it('talk that starts with "báo cáo" but has no number gets no reply', async () => {
    await post('báo cáo tuần này em bận, mai em đi', false);
  });
});
