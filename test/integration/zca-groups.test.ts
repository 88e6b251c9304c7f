import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import type { OutboundContent } from '../../bot/domain/outbox/outbound-content.ts';
import { createZcaGroupSender } from '../../bot/zalo/zca/zca-group-sender.ts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamLinkCode } from '../../bot/domain/teams/link-codes.ts';
import { loadZcaSession, saveZcaSession } from '../../bot/zalo/zca/zca-session.ts';
import { findOrgUnitByCode } from '../../db/queries/org-units.ts';
import { findTeamOfUnit } from '../../db/queries/teams.ts';
import { inboundEvents, outboundMessages, reports, zcaSessions } from '../../db/schema/index.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { startGroups } from '../../workers/start-groups.ts';
import type { RunningGroups } from '../../workers/start-groups.ts';
import { FakeZcaApi, groupMessage, userMessage } from '../helpers/fake-zca-api.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { waitFor } from '../helpers/wait-for.ts';

const ownUid = '1029384756102938475';
const group = '5829301746152837465'; // the group of the recorded message fixture
const dung = { uidFrom: '4501928374650192837', name: 'Phạm Thị Dung' };
const sendIntervalMs = 400;

let stack: TestStack;
let api: FakeZcaApi;
let groups: RunningGroups;

beforeAll(async () => {
  stack = await startTestStack({ env: { ZCA_SEND_INTERVAL_MS: String(sendIntervalMs) } });
  await seedDemoCommune(stack.core.db);
  await saveZcaSession(stack.core.db, stack.core.secretBox, {
    credentials: { imei: 'imei-test-123', userAgent: 'Mozilla/5.0 test', cookie: [{ key: 'zpw_sek', value: 'secret-cookie-value', domain: '.zalo.me' }] },
    ownUid,
    displayName: 'Tổ CNSCĐ Xã Demo',
    now: new Date(),
  });
  api = new FakeZcaApi(ownUid);
  groups = await startGroups(stack.core, stack.zalo, { api, ownUid });
});
afterAll(async () => {
  await groups?.close();
  await stack?.close();
});

const sentTo = (groupId: string) => api.sent.filter((s) => s.groupId === groupId);
async function receive(message: Record<string, unknown>, replies = 1) {
  const before = sentTo(group).length;
  api.receive(message);
  if (replies === 0) return [];
  return waitFor(() => (sentTo(group).length >= before + replies ? sentTo(group).slice(before) : undefined), { what: 'a reply through zca-js' });
}

describe('a team in an ordinary Zalo group, through the personal account (zca-js)', () => {
  it('keeps the session sealed: no cookie or imei in the database in clear', async () => {
    const [row] = await stack.core.db.select().from(zcaSessions);
    expect(row?.sessionEnc).not.toContain('secret-cookie-value');
    expect(row?.sessionEnc).not.toContain('imei-test-123');
    const session = await loadZcaSession(stack.core.db, stack.core.secretBox);
    expect(session?.credentials.imei).toBe('imei-test-123');
    expect(session?.status).toBe('active');
  });

  it('links the group, then records the recorded message fixture as a report and answers with a real mention', async () => {
    const unit = await findOrgUnitByCode(stack.core.db, 'demo-xa-thon-tay');
    const team = unit && (await findTeamOfUnit(stack.core.db, { unitId: unit.id, kind: 'village' }));
    const { code } = await createTeamLinkCode(stack.core.db, { teamId: team?.id ?? -1, now: new Date() });
    const [linked] = await receive(groupMessage({ groupId: group, ...dung, content: `/lienket ${code}` }));
    expect(linked?.msg).toBe('@Phạm Thị Dung 🔗 Nhóm này đã liên kết với Tổ CNSCĐ Thôn Tây. Gõ /giup để xem cách báo cáo.');
    expect(linked?.mentions).toEqual([{ pos: 0, uid: dung.uidFrom, len: '@Phạm Thị Dung'.length }]);

    const fixture = JSON.parse(readFileSync(new URL('../fixtures/zca/group-message.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const [confirm] = await receive(fixture);
    expect(confirm?.msg).toContain('✅ Đã ghi báo cáo ngày');
    expect(confirm?.msg).toContain('• 5 hộ đã đến');
    expect(confirm?.msg).toContain('• 11 người được hướng dẫn');
    const [stored] = await stack.core.db.select().from(inboundEvents).where(eq(inboundEvents.dedupeKey, `zca:${ownUid}:7364519283746501928`));
    expect(stored).toMatchObject({ source: 'zca', status: 'processed', senderId: dung.uidFrom });
    // Only the fields we use are kept.
    expect(stored?.payload).not.toContain('propertyExt');
  });

  it('counts a message seen twice (same zca-js msgId) once', async () => {
    const fixture = JSON.parse(readFileSync(new URL('../fixtures/zca/group-message.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const before = sentTo(group).length;
    await receive(fixture, 0);
    await new Promise((r) => setTimeout(r, 1000));
    expect(sentTo(group).length).toBe(before);
    expect(await stack.core.db.select().from(reports)).toHaveLength(1);
  });

  it('ignores plain chat, its own messages and strangers writing to the account', async () => {
    const before = api.sent.length;
    await receive(groupMessage({ groupId: group, ...dung, content: 'mai họp lúc 8 giờ nhé cả nhà' }), 0);
    await receive(groupMessage({ groupId: group, uidFrom: ownUid, name: 'Tổ', content: '/bc 99 hộ', isSelf: true }), 0);
    await receive(userMessage({ uidFrom: '3333333333333333333', content: '/bc 1 hộ' }), 0);
    await new Promise((r) => setTimeout(r, 1000));
    expect(api.sent.length).toBe(before);
    const strangers = await stack.core.db.select().from(inboundEvents).where(eq(inboundEvents.senderId, '3333333333333333333'));
    expect(strangers).toHaveLength(0);
  });

  it('throttles itself: sends through the account at least ZCA_SEND_INTERVAL_MS apart', async () => {
    const before = sentTo(group).length;
    for (let i = 1; i <= 3; i++) api.receive(groupMessage({ groupId: group, ...dung, content: `/bc ${i} hộ` }));
    const sends = await waitFor(() => (sentTo(group).length >= before + 3 ? sentTo(group).slice(before) : undefined), { timeoutMs: 15_000, what: 'three replies' });
    const gaps = sends.slice(1).map((s, i) => s.at - (sends[i]?.at ?? 0));
    // The sender spaces the calls themselves, so load can only make gaps longer; the 2 ms allow for
    // timers rounding to whole milliseconds (Date.now() at both ends).
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(sendIntervalMs - 2);
  });

  it('answers /tuan in a leaders group with the digest, the week chart as a picture that history recognises by its caption', async () => {
    const leadersGroup = '5829301746152837999';
    const commune = await findOrgUnitByCode(stack.core.db, 'demo-xa');
    const leaders = commune && (await findTeamOfUnit(stack.core.db, { unitId: commune.id, kind: 'commune_leaders' }));
    const { code } = await createTeamLinkCode(stack.core.db, { teamId: leaders?.id ?? -1, now: new Date() });
    api.receive(groupMessage({ groupId: leadersGroup, ...dung, content: `/lienket ${code}` }));
    await waitFor(() => sentTo(leadersGroup)[0], { what: 'the link confirmation' });
    api.receive(groupMessage({ groupId: leadersGroup, ...dung, content: '/tuan' }));
    const chart = await waitFor(() => sentTo(leadersGroup).find((s) => s.attachments?.length), { timeoutMs: 15_000, what: 'the chart picture' });
    expect(sentTo(leadersGroup).some((s) => s.msg.includes('BÁO CÁO TUẦN'))).toBe(true);
    expect(chart.msg).toMatch(/^📈 Biểu đồ tuần \d+ theo từng thôn\.$/);
    const [picture] = chart.attachments ?? [];
    const png = PNG.sync.read(picture?.data ?? Buffer.alloc(0));
    expect(picture?.filename).toMatch(/^bieu-do-tuan-\d{4}-W\d{2}\.png$/);
    expect(picture?.metadata).toEqual({ totalSize: picture?.data.length, width: png.width, height: png.height });
    // zca-js answers a captioned picture with message: null; the id under `attachment` is kept.
    const row = await waitFor(
      async () => (await stack.core.db.select().from(outboundMessages).where(eq(outboundMessages.zaloMessageId, chart.msgId)).then((rows) => rows.find((r) => r.status === 'sent'))),
      { what: 'the chart recorded as sent under its attachment id' },
    );
    // An interrupted send is found again in the group's history by the caption.
    const sender = createZcaGroupSender(api, ownUid, { minGapMs: 0, pictures: { weekChart: () => Promise.reject(new Error('not drawn for a history check')) } });
    const payload = row.payload as OutboundContent;
    expect(await sender.findDelivered({ groupId: leadersGroup, content: payload, since: new Date(Date.now() - 60_000), excludeMessageIds: [] })).toEqual({ messageId: chart.msgId });
  });

  it('reconnects by itself after an ordinary disconnect, with zca-js’s own retrying off', async () => {
    const starts = api.starts;
    api.close(1006, 'abnormal closure');
    await waitFor(() => api.starts > starts, { what: 'a reconnect' });
    expect(api.startOptions.every((o) => o?.retryOnClose === false)).toBe(true);
  });

  it('stops cleanly and for good when the account is opened elsewhere (close code 3000)', async () => {
    api.close(3000, 'duplicate connection');
    const event = await groups.openedElsewhere;
    expect(event.code).toBe(3000);
    const [row] = await stack.core.db.select().from(zcaSessions);
    expect(row).toMatchObject({ status: 'closed_elsewhere' });
    expect(row?.lastError).toContain('3000');
    const starts = api.starts;
    await new Promise((r) => setTimeout(r, 1500));
    expect(api.starts).toBe(starts);
  });
});
