import ExcelJS from 'exceljs';
import { PNG } from 'pngjs';
import { like } from 'drizzle-orm';
import { outboundMessages } from '../../db/schema/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueWeekDigest } from '../../bot/chat/digest/queue-week-digest.ts';
import { renderWeekDigest } from '../../bot/chat/digest/render-week-digest.ts';
import { lastMonth } from '../../bot/chat/digest/month-report-reply.ts';
import { addDays, dayMonth, startOfVietnamDay, vietnamDate } from '../../bot/domain/calendar.ts';
import { buildCommuneWeekDigest } from '../../bot/domain/digests/commune-week-digest.ts';
import { isoWeekOf, previousWeek, weekDays } from '../../bot/domain/iso-week.ts';
import { findOrgUnitByCode } from '../../db/queries/org-units.ts';
import { seedDemoActivity } from '../../scripts/lib/seed-demo-activity.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { gmfGroupText } from '../helpers/group-events.ts';
import { linkTeamGroups } from '../helpers/link-team-groups.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { waitFor } from '../helpers/wait-for.ts';

let stack: TestStack;
let communeId: number;
const leadersGroup = 'group-leaders-digest';
const dongGroup = 'group-dong-digest';
// The seed's "last full week" is the week before this one, as the Monday schedule sees it.
const week = previousWeek(isoWeekOf(vietnamDate(new Date())));
const { monday, sunday } = weekDays(week);
const mondayMorningAfter = new Date(startOfVietnamDay(addDays(sunday, 1)).getTime() + 7.5 * 3_600_000);

beforeAll(async () => {
  stack = await startTestStack({ env: { PUBLIC_BASE_URL: 'https://xa-demo.example.vn' } });
  ({ communeId } = await seedDemoCommune(stack.core.db));
  await seedDemoActivity(stack.core.db, { today: new Date() });
  await linkTeamGroups(stack.core.db, [
    { unit: 'Xã Demo', kind: 'commune_leaders', groupId: leadersGroup },
    { unit: 'Thôn Đông', kind: 'village', groupId: dongGroup },
  ]);
  stack.fake.state.gmfGroups.set(leadersGroup, true);
  stack.fake.state.gmfGroups.set(dongGroup, true);
});
afterAll(async () => {
  await stack?.close();
});

const inLeadersGroup = () => stack.fake.state.delivered.filter((d) => d.to === `group:${leadersGroup}`);

describe('the weekly digest for commune leaders', () => {
  it('is sent once to the leaders group when the Monday job runs twice', async () => {
    const before = inLeadersGroup().length;
    const maintenance = stack.core.queues.byName.maintenance;
    await maintenance.add('send-weekly-digests', {}, { jobId: 'digest-test-1' });
    await maintenance.add('send-weekly-digests', {}, { jobId: 'digest-test-2' });
    const rows = await waitFor(
      async () => {
        const written = await stack.core.db.select().from(outboundMessages).where(like(outboundMessages.idempotencyKey, `digest-${communeId}-%`));
        return written.length > 0 && written.every((r) => r.status === 'sent') ? written : undefined;
      },
      { what: 'the digest sent to the leaders group' },
    );
    await new Promise((r) => setTimeout(r, 1500));
    // Each message of the digest once, although the job ran twice.
    const sent = inLeadersGroup().slice(before);
    expect(sent).toHaveLength(rows.length);
    expect(new Set(sent.map((d) => d.text)).size).toBe(sent.length);
    expect(sent[0]?.text).toContain(`BÁO CÁO TUẦN ${week.week}`);
    expect(sent[0]?.text).toContain('❗ Thôn Bắc: chưa báo cáo');
    // The last message is the chart as a picture: uploaded as a PNG first, posted with its caption.
    const picture = sent.at(-1)?.message as { attachment?: { payload?: { template_type?: string; elements?: { attachment_id: string }[] } } } | undefined;
    expect(picture?.attachment?.payload?.template_type).toBe('media');
    const upload = stack.fake.state.uploads.get(picture?.attachment?.payload?.elements?.[0]?.attachment_id ?? '');
    expect(upload?.mimeType).toBe('image/png');
    expect(PNG.sync.read(upload?.data ?? Buffer.alloc(0)).width).toBe(1000);
    // Its caption carries a signed link to open it full size; the link answers with the PNG.
    const chartLink = /https:\/\/xa-demo\.example\.vn(\/downloads\/bieu-do-tuan\/\S+)/.exec(sent.at(-1)?.text ?? '')?.[1];
    if (!chartLink) throw new Error('no chart link');
    const chart = await fetch(`${stack.baseUrl}${chartLink}`);
    expect(chart.headers.get('content-type')).toBe('image/png');
    expect(PNG.sync.read(Buffer.from(await chart.arrayBuffer())).width).toBe(1000);
    const again = await stack.core.db.transaction((tx) => queueWeekDigest(tx, { communeId, week, now: new Date(), graceDays: 1, links: null }));
    expect(again.kind).toBe('already-sent');
  });

  it('answers /tuan in the leaders group with the commune so far, and a split digest stays within 2,000 characters', async () => {
    const before = inLeadersGroup().length;
    const res = await stack.postEvent(gmfGroupText({ groupId: leadersGroup, senderId: '5100000000000000001', name: 'Chủ tịch xã', text: '/tuan' }));
    expect(res.status).toBe(200);
    const answer = await waitFor(() => inLeadersGroup().slice(before).find((d) => d.text?.includes('Tổ công nghệ số cộng đồng')), { what: 'the /tuan answer' });
    expect(answer.text).toContain('Xã Demo – Tổ công nghệ số cộng đồng');
    expect(answer.text).toContain(`BÁO CÁO TUẦN ${isoWeekOf(vietnamDate(new Date())).week}`);

    const commune = await findOrgUnitByCode(stack.core.db, 'demo-xa');
    const digest = await buildCommuneWeekDigest(stack.core.db, { communeId: commune?.id ?? 0, week, now: mondayMorningAfter, graceDays: 1 });
    const many = { ...digest, villages: Array.from({ length: 60 }, (_, i) => ({ ...digest.villages[1]!, villageId: 1000 + i, name: `Thôn số ${i + 1} có tên rất dài` })) };
    const messages = renderWeekDigest(many);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(2000);
    expect(messages.join('\n')).toContain('Thôn số 60 có tên rất dài');
  });

  it('answers /tuan truoc with the last full week as the Monday digest judged it, in the leaders’ and a village’s group', async () => {
    const before = inLeadersGroup().length;
    await stack.postEvent(gmfGroupText({ groupId: leadersGroup, senderId: '5100000000000000001', name: 'Chủ tịch xã', text: '/tuần trước' }));
    const answer = await waitFor(() => inLeadersGroup().slice(before).find((d) => d.text?.includes('Tổ công nghệ số cộng đồng')), { what: 'the /tuan truoc answer' });
    // The same judgement as Monday's digest: Thôn Tây's late report is late, with the grace days configured.
    const [expected] = renderWeekDigest(await buildCommuneWeekDigest(stack.core.db, { communeId, week, now: new Date(), graceDays: stack.config.digestGraceDays }));
    expect(answer.text).toContain(expected);
    expect(answer.text).toContain(`BÁO CÁO TUẦN ${week.week}`);
    expect(answer.text).toContain('🕒 Thôn Tây');

    const inDong = () => stack.fake.state.delivered.filter((d) => d.to === `group:${dongGroup}`);
    const dongBefore = inDong().length;
    await stack.postEvent(gmfGroupText({ groupId: dongGroup, senderId: '5100000000000000002', name: 'Tổ trưởng Đông', text: '/tuan truoc' }));
    const team = await waitFor(() => inDong().slice(dongBefore).find((d) => d.text?.includes('Tuần trước')), { what: 'the team’s /tuan truoc answer' });
    expect(team.text).toContain(`📊 Tuần trước (${dayMonth(monday)} – ${dayMonth(sunday)}) Tổ CNSCĐ Thôn Đông đã báo:`);
    expect(team.text).toMatch(/• \d+ hộ đã đến/);
  });

  it('/baocaothang gives the month in the chat and a signed link to the XLSX that cannot be altered', async () => {
    const before = inLeadersGroup().length;
    const label = `${String(monday.m).padStart(2, '0')}/${monday.y}`;
    await stack.postEvent(gmfGroupText({ groupId: leadersGroup, senderId: '5100000000000000001', name: 'Chủ tịch xã', text: `/baocaothang ${label}` }));
    const answer = await waitFor(() => inLeadersGroup().slice(before).find((d) => d.text?.includes('📑')), { what: 'the /baocaothang answer' });
    expect(answer.text).toContain(`📑 BÁO CÁO THÁNG ${label} – Xã Demo`);
    expect(answer.text).toContain('hộ đã đến');
    const link = /https:\/\/xa-demo\.example\.vn(\/downloads\/\S+)/.exec(answer.text ?? '')?.[1];
    if (!link) throw new Error(`no link in: ${answer.text}`);

    const file = await fetch(`${stack.baseUrl}${link}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await file.arrayBuffer());
    expect(book.getWorksheet('Tổng hợp')?.getCell('A1').value).toBe(`BÁO CÁO THÁNG ${label} – XÃ DEMO`);
    expect((await fetch(`${stack.baseUrl}${link.replace(/sig=[^&]+/, 'sig=AAAA')}`)).status).toBe(403);
    expect((await fetch(`${stack.baseUrl}${link.replace(/\/\d{4}-\d{2}\.xlsx/, '/2020-01.xlsx')}`)).status).toBe(403);

    const inDong = () => stack.fake.state.delivered.filter((d) => d.to === `group:${dongGroup}`);
    await stack.postEvent(gmfGroupText({ groupId: dongGroup, senderId: '5100000000000000002', name: 'Nguyễn Văn An', text: '/baocaothang' }));
    const refused = await waitFor(() => inDong().find((d) => d.text?.includes('/baocaothang')), { what: 'the answer in a village group' });
    expect(refused.text).toContain('dùng trong nhóm Zalo của lãnh đạo xã');
  });

  it('sends last month\'s report to the leaders group once when the job on the 1st runs twice', async () => {
    const before = inLeadersGroup().length;
    const maintenance = stack.core.queues.byName.maintenance;
    await maintenance.add('send-monthly-reports', {}, { jobId: 'month-test-1' });
    await maintenance.add('send-monthly-reports', {}, { jobId: 'month-test-2' });
    const sent = await waitFor(() => inLeadersGroup().slice(before)[0], { what: 'the monthly report' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(inLeadersGroup().slice(before)).toHaveLength(1);
    const month = lastMonth(new Date());
    expect(sent.text).toContain(`📑 BÁO CÁO THÁNG ${String(month.m).padStart(2, '0')}/${month.y} – Xã Demo`);
    expect(sent.text).toContain('https://xa-demo.example.vn/downloads/bao-cao-thang/');
  });

  it('/gui sends a whole guide and /thongbao an announcement to every linked village group, and says who was not reached', async () => {
    const inDong = () => stack.fake.state.delivered.filter((d) => d.to === `group:${dongGroup}`);
    const dongBefore = inDong().length;
    const before = inLeadersGroup().length;
    await stack.postEvent(gmfGroupText({ groupId: leadersGroup, senderId: '5100000000000000001', name: 'Chủ tịch xã', text: '/gui muc 2' }));
    const answer = await waitFor(() => inLeadersGroup().slice(before).find((d) => d.text?.includes('nhóm tổ')), { what: 'the /gui answer' });
    expect(answer.text).toContain('tới 1 nhóm tổ');
    expect(answer.text).toContain('Chưa gửi được (tổ chưa liên kết nhóm Zalo): Tổ CNSCĐ Thôn Bắc, Tổ CNSCĐ Thôn Tây, Tổ CNSCĐ Tổ dân phố 1.');
    const guide = await waitFor(() => (inDong().length > dongBefore + 1 ? inDong().slice(dongBefore) : undefined), { what: 'the guide in the village group' });
    expect(guide[0]?.text).toContain('📘 Lãnh đạo xã gửi hướng dẫn để các tổ tham khảo');
    expect(guide.map((g) => g.text).join('\n')).toContain('Bước 1/');
    expect(guide.map((g) => g.text).join('\n')).not.toMatch(/\{[bB]\}/);

    const afterGuide = inDong().length;
    await stack.postEvent(gmfGroupText({ groupId: leadersGroup, senderId: '5100000000000000001', name: 'Chủ tịch xã', text: '/thongbao Sáng thứ 7 các tổ hỗ trợ người dân tại nhà văn hóa.' }));
    const note = await waitFor(() => inDong().slice(afterGuide).find((d) => d.text?.includes('📢')), { what: 'the announcement' });
    expect(note.text).toBe('📢 Thông báo của Lãnh đạo Xã Demo:\nSáng thứ 7 các tổ hỗ trợ người dân tại nhà văn hóa.');

    // "/gui … thu 7 8h": written now, due on Saturday at 08:00; nothing reaches the village before then.
    const beforeScheduled = inLeadersGroup().length;
    const dongNow = inDong().length;
    await stack.postEvent(gmfGroupText({ groupId: leadersGroup, senderId: '5100000000000000001', name: 'Chủ tịch xã', text: '/gui vneid-level2 thứ 7 8h' }));
    const booked = await waitFor(() => inLeadersGroup().slice(beforeScheduled).find((d) => d.text?.includes('Đã hẹn gửi')), { what: 'the scheduled answer' });
    expect(booked.text).toMatch(/lúc 08:00 thứ Bảy \d{2}\/\d{2}\/\d{4}/);
    const scheduled = (await stack.core.db.select().from(outboundMessages).where(like(outboundMessages.idempotencyKey, 'push-%'))).filter((r) => r.notBefore > new Date());
    expect(scheduled.length).toBeGreaterThan(0);
    expect(scheduled.every((r) => r.status === 'pending' && new Date(r.notBefore.getTime() + 7 * 3_600_000).getUTCDay() === 6)).toBe(true);
    await new Promise((r) => setTimeout(r, 1000));
    expect(inDong().length).toBe(dongNow);

    const beforeUnknown = inLeadersGroup().length;
    await stack.postEvent(gmfGroupText({ groupId: leadersGroup, senderId: '5100000000000000001', name: 'Chủ tịch xã', text: '/gui nấu ăn' }));
    const unknown = await waitFor(() => inLeadersGroup().slice(beforeUnknown).find((d) => d.text?.includes('Chưa tìm thấy hướng dẫn')), { what: 'the unknown-guide answer' });
    expect(unknown.text).toContain('vneid-level2');
  });
});
