import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOaAccount } from '../../bot/oas/add-oa-account.ts';
import { disableOaAccount } from '../../db/queries/oa-accounts.ts';
import { upsertOrgUnit } from '../../db/queries/org-units.ts';
import { bindTeamGroup, upsertTeam } from '../../db/queries/teams.ts';
import { helpRequests, inboundEvents, oaAccounts, outboundMessages, residents, teams } from '../../db/schema/index.ts';
import { createTeamLinkCode } from '../../bot/domain/teams/link-codes.ts';
import { testZalo } from '../../scripts/local/local-zalo-credentials.ts';
import { runConversation } from '../helpers/conversation-runner.ts';
import { startDemoStack } from '../helpers/demo-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { userText } from '../helpers/zalo-events.ts';

// A second commune of the province with its own OA on the same Zalo app (one webhook URL).
const oaB = { oaId: '4000000000000000002', oaSecretKey: 'oa-b-secret-key', refreshToken: 'RT-oa-b' };

let stack: TestStack;
beforeAll(async () => {
  stack = await startDemoStack();
  // The environment's OA becomes a row once its commune exists.
  await stack.zalo.directory.reload();
  const db = stack.core.db;
  const communeB = await upsertOrgUnit(db, { code: 'xa-ben', name: 'Xã Bên', kind: 'commune', validFrom: '2025-07-01' });
  const village = await upsertOrgUnit(db, { code: 'xa-ben-thon-ha', name: 'Thôn Hạ', kind: 'village', parentId: communeB.id, validFrom: '2025-07-01' });
  const team = await upsertTeam(db, { unitId: village.id, kind: 'village', name: 'Tổ công nghệ số thôn Hạ' });
  await bindTeamGroup(db, { teamId: team.id, transport: 'gmf', groupId: 'group-thon-ha', groupOaId: oaB.oaId, at: new Date() });
  stack.fake.state.addOa(oaB.oaId, oaB.refreshToken);
  stack.fake.state.gmfGroups.set('group-thon-ha', true);
  await addOaAccount({ db, box: stack.core.secretBox, now: new Date() }, { communeCode: 'xa-ben', oaId: oaB.oaId, appId: testZalo.appId, appSecret: testZalo.appSecret, oaSecretKey: oaB.oaSecretKey, refreshToken: oaB.refreshToken, sendRatePerSec: 20, name: 'Xã Bên' });
  await stack.zalo.directory.reload();
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

const deliveredTo = (user: string) => stack.fake.state.delivered.filter((d) => d.to === `user:${user}`);

describe('one deployment, two communes, each with its own OA', () => {
  it('saved the environment’s OA as the first row, for the commune of COMMUNE_CODE', async () => {
    const rows = await stack.core.db.select().from(oaAccounts);
    expect(rows.map((r) => r.oaId).sort()).toEqual([testZalo.oaId, oaB.oaId].sort());
    expect(rows.find((r) => r.oaId === testZalo.oaId)?.appSecretEnc).not.toContain(testZalo.appSecret);
  });

  it('answers each resident through the OA they wrote to, and keeps the same Zalo id of two OAs apart', async () => {
    const user = '8300000000000000001';
    const oaA = { oaId: testZalo.oaId, oaSecretKey: testZalo.oaSecretKey };
    // The welcome names the commune the OA serves: each resident hears of their own commune only.
    for (const [oa, own, other] of [[oaA, 'Xã Demo', 'Xã Bên'], [oaB, 'Xã Bên', 'Xã Demo']] as const) {
      await runConversation(stack, { name: `guide via ${oa.oaId}`, user, oa, turns: [{ say: 'cach cai vneid', expect: [{ contains: [own], lacks: [other] }, { contains: ['Bước 1'] }] }] });
    }
    expect(deliveredTo(user).map((d) => d.oaId)).toEqual([oaA.oaId, oaA.oaId, oaB.oaId, oaB.oaId]);
    const rows = await stack.core.db.select().from(residents).where(eq(residents.zaloUserId, user));
    expect(rows.map((r) => r.oaId).sort()).toEqual([oaA.oaId, oaB.oaId].sort());
    const sent = await stack.core.db.select().from(outboundMessages).where(eq(outboundMessages.recipientId, user));
    expect(new Set(sent.map((r) => r.oaId))).toEqual(new Set([oaA.oaId, oaB.oaId]));
  });

  it('deletes a resident’s data in one OA only: the same Zalo id in the other OA keeps its record and messages', async () => {
    const user = '8300000000000000001';
    // An error kept from an earlier failed attempt (as versions before describeError stored it) quotes the resident's words.
    const [earlier] = await stack.core.db.select().from(inboundEvents).where(and(eq(inboundEvents.senderId, user), eq(inboundEvents.oaId, oaB.oaId)));
    await stack.core.db.update(inboundEvents).set({ lastError: 'Error: Failed query: insert … params: cach cai vneid' }).where(eq(inboundEvents.id, earlier?.id ?? -1));
    await runConversation(stack, {
      name: 'deletion via the second OA',
      user,
      oa: oaB,
      turns: [
        { say: 'xóa dữ liệu của tôi', expect: [{ contains: ['xóa toàn bộ thông tin'], buttons: ['Xóa dữ liệu', 'Không xóa'] }] },
        { tap: 'Xóa dữ liệu', expect: [{ contains: ['đã xóa thông tin'] }] },
      ],
    });
    const rows = await stack.core.db.select().from(residents).where(eq(residents.zaloUserId, user));
    expect(rows.map((r) => r.oaId)).toEqual([testZalo.oaId]);
    const kept = await stack.core.db.select().from(outboundMessages).where(and(eq(outboundMessages.recipientId, user), eq(outboundMessages.oaId, testZalo.oaId)));
    expect(kept.length).toBeGreaterThan(0);
    const events = await stack.core.db.select().from(inboundEvents).where(and(eq(inboundEvents.senderId, user), eq(inboundEvents.oaId, testZalo.oaId)));
    expect(events.map((e) => e.payload).join()).toContain('cach cai vneid');
    const [scrubbed] = await stack.core.db.select().from(inboundEvents).where(eq(inboundEvents.id, earlier?.id ?? -1));
    expect(scrubbed).toMatchObject({ payload: '{"deleted":true}', senderId: null, lastError: null });
  });

  it('sends a resident of the second commune to that commune’s team, through its OA, never to the first commune’s', async () => {
    const user = '8300000000000000002';
    await runConversation(stack, {
      name: 'home visit in Xã Bên',
      user,
      oa: oaB,
      turns: [
        { say: 'nho to den nha huong dan lam muc 2 giup toi', expect: [{ contains: ['KHÔNG BAO GIỜ'] }, { buttons: ['Đồng ý', 'Không đồng ý'] }] },
        { tap: 'Đồng ý', expect: [{ contains: ['thôn/tổ dân phố nào'] }] },
        { say: 'thon ha', expect: [{ contains: ['Lúc nào tổ đến'] }] },
        { say: 'sang mai', expect: [{ buttons: ['Chia sẻ số điện thoại', 'Không để số'] }] },
        { tap: 'Không để số', expect: [{ contains: ['tên và chỗ ở'] }] },
        { say: 'Ông Sáu, nhà đầu dốc', expect: [{ contains: ['yêu cầu số', 'thôn Hạ'] }] },
      ],
    });
    const [resident] = await stack.core.db.select().from(residents).where(and(eq(residents.zaloUserId, user), eq(residents.oaId, oaB.oaId)));
    const [request] = await stack.core.db.select().from(helpRequests).where(eq(helpRequests.residentId, resident?.id ?? -1));
    expect(request).toMatchObject({ oaId: oaB.oaId });
    await waitFor(() => stack.fake.state.delivered.some((d) => d.to === 'group:group-thon-ha'), { what: 'the team of Thôn Hạ told' });
    const groupMessage = stack.fake.state.delivered.find((d) => d.to === 'group:group-thon-ha');
    expect(groupMessage?.oaId).toBe(oaB.oaId);
    expect(stack.fake.state.delivered.filter((d) => d.to.startsWith('group:') && d.text?.includes('Ông Sáu')).map((d) => d.to)).toEqual(['group:group-thon-ha']);
  });

  it('finds the OA of a group event that does not name it by the key that signed it', async () => {
    const body = { app_id: testZalo.appId, event_name: 'user_send_group_text', timestamp: String(Date.now()), sender: { id: '8300000000000000009' }, recipient: { id: 'group-thon-ha' }, message: { text: 'chào cả tổ', msg_id: 'grp-b-1' } };
    expect((await stack.postEvent(body, oaB.oaSecretKey)).status).toBe(200);
    const [row] = await stack.core.db.select().from(inboundEvents).where(eq(inboundEvents.dedupeKey, `oa:${oaB.oaId}:user_send_group_text:grp-b-1`));
    expect(row?.oaId).toBe(oaB.oaId);
    expect((await stack.postEvent({ ...body, message: { text: 'x', msg_id: 'grp-b-2' } }, 'not-any-oa-key')).status).toBe(401);
  });

  it('refuses /lienket in a group of one commune’s OA with the code of another commune’s team', async () => {
    const [dong] = await stack.core.db.select().from(teams).where(eq(teams.name, 'Tổ CNSCĐ Thôn Bắc'));
    if (!dong) throw new Error('no team of Thôn Bắc');
    const { code } = await createTeamLinkCode(stack.core.db, { teamId: dong.id, now: new Date() });
    stack.fake.state.gmfGroups.set('group-xa-ben-2', true);
    const body = { app_id: testZalo.appId, event_name: 'user_send_group_text', timestamp: String(Date.now()), sender: { id: '8300000000000000010' }, recipient: { id: 'group-xa-ben-2' }, message: { text: `/lienket ${code}`, msg_id: 'grp-b-link' } };
    expect((await stack.postEvent(body, oaB.oaSecretKey)).status).toBe(200);
    const reply = await waitFor(() => stack.fake.state.delivered.find((d) => d.to === 'group:group-xa-ben-2'), { what: 'the answer to /lienket' });
    expect(reply).toMatchObject({ oaId: oaB.oaId });
    expect(reply.text).toContain('thuộc xã khác');
    const [after] = await stack.core.db.select().from(teams).where(eq(teams.id, dong.id));
    expect(after?.zaloGroupId).not.toBe('group-xa-ben-2');
  });

  it('stores an unknown OA’s event as ignored (200), and once an OA is disabled, its events too and nothing goes out through it', async () => {
    const unknown = { ...userText('alo', '8300000000000000003'), recipient: { id: '4999999999999999999' } };
    expect((await stack.postEvent(unknown, 'whatever')).status).toBe(200);
    const [ignored] = await stack.core.db.select().from(inboundEvents).where(eq(inboundEvents.oaId, '4999999999999999999'));
    expect(ignored).toMatchObject({ status: 'ignored', lastError: 'foreign-oa' });

    await disableOaAccount(stack.core.db, oaB.oaId, new Date());
    await stack.zalo.directory.reload();
    const before = stack.fake.state.delivered.length;
    const event = { ...userText('cach cai vneid', '8300000000000000004'), recipient: { id: oaB.oaId } };
    expect((await stack.postEvent(event, oaB.oaSecretKey)).status).toBe(200);
    const [stored] = await stack.core.db.select().from(inboundEvents).where(and(eq(inboundEvents.oaId, oaB.oaId), eq(inboundEvents.senderId, '8300000000000000004')));
    const [disabled] = await stack.core.db.select().from(inboundEvents).where(eq(inboundEvents.lastError, 'oa-disabled'));
    expect(stored ?? disabled).toMatchObject({ status: 'ignored', lastError: 'oa-disabled' });
    expect(stack.fake.state.delivered.length).toBe(before);
  });

  it('oa:add refuses a second OA for a commune already served, and ids that are not Zalo ids, saying what to do', async () => {
    const base = { communeCode: 'demo-xa', appId: testZalo.appId, appSecret: 's', oaSecretKey: 'k', refreshToken: 'RT-x', sendRatePerSec: 10, name: null };
    const add = (input: typeof base & { oaId: string }) => addOaAccount({ db: stack.core.db, box: stack.core.secretBox, now: new Date() }, input);
    await expect(add({ ...base, oaId: '4000000000000000003' })).rejects.toThrow(/already served by OA 3662729599332560487; disable it first/);
    await expect(add({ ...base, oaId: 'oa-b' })).rejects.toThrow(/should be the digits/);
    await expect(add({ ...base, oaId: '4000000000000000003', communeCode: 'nowhere' })).rejects.toThrow(/no commune with code "nowhere"/);
    expect(await stack.core.db.select().from(oaAccounts).where(eq(oaAccounts.oaId, '4000000000000000003'))).toEqual([]);
  });
});
