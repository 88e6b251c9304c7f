import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDate, addDays, vietnamDate } from '../../bot/domain/calendar.ts';
import { insertHelpRequest } from '../../db/queries/help-requests.ts';
import { insertMemberIfMissing } from '../../db/queries/members.ts';
import { upsertOrgUnit } from '../../db/queries/org-units.ts';
import { upsertTeam } from '../../db/queries/teams.ts';
import { upsertResidentInteraction } from '../../db/queries/residents.ts';
import { helpRequests, members, outboundMessages, reports, targets, teams } from '../../db/schema/index.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { waitFor } from '../helpers/wait-for.ts';

let stack: TestStack;
let communeId: number;
/** Member ids by name, and sessions issued for them as the login would. */
const ids: Record<string, number> = {};
const teamOf: Record<string, number> = {};
let otherCommuneTeam: number;
let otherCommuneId: number;

async function call(path: string, opts: { method?: string; body?: unknown; as?: string; token?: string } = {}) {
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const token = opts.token ?? (opts.as ? stack.core.appSessions.issue(ids[opts.as] ?? -1, new Date(Date.now() + 3_600_000)) : undefined);
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${stack.baseUrl}${path}`, { method: opts.method ?? 'GET', headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & { message?: string; error?: string } };
}

beforeAll(async () => {
  stack = await startTestStack({ env: { PUBLIC_BASE_URL: 'https://xa-demo.example.vn' } });
  ({ communeId } = await seedDemoCommune(stack.core.db));
  for (const m of await stack.core.db.select().from(members)) {
    ids[m.displayName] = m.id;
    teamOf[m.displayName] = m.teamId;
  }
  // A second commune elsewhere, with a team and a leader of its own.
  const province = await upsertOrgUnit(stack.core.db, { code: 'tinh-khac', name: 'Tỉnh Khác', kind: 'province', validFrom: '2025-07-01' });
  const other = await upsertOrgUnit(stack.core.db, { code: 'xa-khac', name: 'Xã Khác', kind: 'commune', parentId: province.id, validFrom: '2025-07-01' });
  const village = await upsertOrgUnit(stack.core.db, { code: 'xa-khac-thon-1', name: 'Thôn Một', kind: 'village', parentId: other.id, validFrom: '2025-07-01' });
  const team = await upsertTeam(stack.core.db, { unitId: village.id, kind: 'village', name: 'Tổ CNSCĐ Thôn Một' });
  const leaders = await upsertTeam(stack.core.db, { unitId: other.id, kind: 'commune_leaders', name: 'Lãnh đạo Xã Khác' });
  const stranger = await insertMemberIfMissing(stack.core.db, { teamId: team.id, displayName: 'Người xã khác', role: 'member' });
  const otherLeader = await insertMemberIfMissing(stack.core.db, { teamId: leaders.id, displayName: 'Chủ tịch xã khác', role: 'commune_leader' });
  ids[stranger.displayName] = stranger.id;
  ids[otherLeader.displayName] = otherLeader.id;
  otherCommuneTeam = team.id;
  otherCommuneId = other.id;
});
afterAll(async () => {
  await stack?.close();
});

const today = () => isoDate(vietnamDate(new Date()));

describe('Mini App login', () => {
  it('verifies the Zalo token with appsecret_proof and links an unknown user by the phone they share', async () => {
    await stack.core.db.update(members).set({ phone: '0912 345 678' }).where(eq(members.id, ids['Trần Thị Bình'] ?? 0));
    const token = stack.fake.state.issueMiniappToken({ userId: '3368637342326461001', name: 'Bình Trần' });
    const unknown = await call('/api/auth/zalo', { method: 'POST', body: { accessToken: token } });
    expect(unknown).toMatchObject({ status: 403, json: { error: 'not-linked' } });
    const phoneToken = stack.fake.state.issuePhoneToken({ userId: '3368637342326461001', number: '84912345678' });
    const linked = await call('/api/auth/zalo', { method: 'POST', body: { accessToken: token, phoneToken } });
    expect(linked.status).toBe(200);
    expect(linked.json.me).toMatchObject({ memberId: ids['Trần Thị Bình'], role: 'member', team: { name: 'Tổ CNSCĐ Thôn Đông' } });
    // Next time the token alone is enough, and the session works.
    const again = await call('/api/auth/zalo', { method: 'POST', body: { accessToken: token } });
    const me = await call('/api/me', { token: String(again.json.session) });
    expect(me.json).toMatchObject({ memberId: ids['Trần Thị Bình'] });
    const proof = stack.fake.state.callsTo('/v2.0/me').at(-1)?.headers;
    expect(proof?.appsecret_proof).toMatch(/^[0-9a-f]{64}$/);
  });

  it('links by a one-time code a leader made, once', async () => {
    const code = await call(`/api/members/${ids['Lê Văn Cường']}/app-code`, { method: 'POST', as: 'Nguyễn Văn An' });
    expect(code.status).toBe(201);
    const token = stack.fake.state.issueMiniappToken({ userId: '3368637342326461002' });
    const linked = await call('/api/auth/zalo', { method: 'POST', body: { accessToken: token, linkCode: String(code.json.code).toLowerCase() } });
    expect(linked.json.me).toMatchObject({ memberId: ids['Lê Văn Cường'] });
    const someoneElse = stack.fake.state.issueMiniappToken({ userId: '3368637342326461003' });
    expect(await call('/api/auth/zalo', { method: 'POST', body: { accessToken: someoneElse, linkCode: code.json.code } })).toMatchObject({ status: 403, json: { error: 'not-linked' } });
  });

  it('rejects expired, forged and other apps’ tokens, and sessions that were altered or expired', async () => {
    const expired = stack.fake.state.issueMiniappToken({ userId: '3368637342326461001', ttlSec: -1 });
    stack.fake.state.otherApps.set('9999000011112222', 'secret-of-another-app');
    const otherApp = stack.fake.state.issueMiniappToken({ userId: '3368637342326461001', appId: '9999000011112222' });
    for (const accessToken of [expired, 'mini-forged-token', otherApp]) {
      const res = await call('/api/auth/zalo', { method: 'POST', body: { accessToken } });
      expect(res.status).toBe(401);
      expect(res.json.message).toContain('Zalo');
    }
    const session = stack.core.appSessions.issue(ids['Trần Thị Bình'] ?? 0, new Date(Date.now() + 60_000));
    expect((await call('/api/me', { token: `${session}x` })).status).toBe(401);
    expect((await call('/api/me', { token: stack.core.appSessions.issue(ids['Trần Thị Bình'] ?? 0, new Date(Date.now() - 1000)) })).status).toBe(401);
    expect((await call('/api/me')).status).toBe(401);
  });

  it('has no development login unless it is switched on', async () => {
    expect((await call('/api/config')).json).toEqual({ devLogin: false });
    expect((await call('/api/auth/dev', { method: 'POST', body: { memberId: ids['Chủ tịch UBND xã Demo'] } })).status).toBe(404);
    expect((await call('/api/auth/dev/identities')).status).toBe(404);
  });
});

describe('reports from the Mini App', () => {
  it('counts a report once however often the device retries it, and shows it on the home page', async () => {
    const body = { clientKey: 'device-key-0001', date: today(), counts: { households_visited: 7, vneid_level2: 2, people_guided: 0 }, note: 'Đi cùng trưởng thôn' };
    const first = await call('/api/reports', { method: 'POST', body, as: 'Trần Thị Bình' });
    const retry = await call('/api/reports', { method: 'POST', body, as: 'Trần Thị Bình' });
    expect(first).toMatchObject({ status: 201, json: { duplicate: false, report: { counts: { households_visited: 7, vneid_level2: 2 }, source: 'miniapp', editable: true } } });
    expect(retry).toMatchObject({ status: 200, json: { duplicate: true } });
    expect((retry.json.report as { id: number }).id).toBe((first.json.report as { id: number }).id);
    expect(await stack.core.db.select().from(reports).where(eq(reports.clientKey, 'device-key-0001'))).toHaveLength(1);
    const home = await call('/api/home', { as: 'Nguyễn Văn An' });
    expect(home.json).toMatchObject({ week: { totals: { households_visited: 7 }, reports: 1 }, me: { team: { name: 'Tổ CNSCĐ Thôn Đông' } } });
  });

  it('refuses what the group grammar refuses, in the same words, and saves nothing', async () => {
    const tomorrow = isoDate(addDays(vietnamDate(new Date()), 1));
    const future = await call('/api/reports', { method: 'POST', body: { clientKey: 'device-key-0002', date: tomorrow, counts: { households_visited: 1 } }, as: 'Trần Thị Bình' });
    expect(future).toMatchObject({ status: 400, json: { error: 'invalid-report' } });
    expect(future.json.message).toContain('chưa tới');
    const tooMany = await call('/api/reports', { method: 'POST', body: { clientKey: 'device-key-0003', date: today(), counts: { households_visited: 5001 } }, as: 'Trần Thị Bình' });
    expect(tooMany.json.message).toContain('tối đa 5000');
    const nothing = await call('/api/reports', { method: 'POST', body: { clientKey: 'device-key-0004', date: today(), counts: { households_visited: 0 } }, as: 'Trần Thị Bình' });
    expect(nothing.json.message).toContain('chưa có số liệu');
    const unknown = await call('/api/reports', { method: 'POST', body: { clientKey: 'device-key-0005', date: today(), counts: { bananas: 3 } }, as: 'Trần Thị Bình' });
    expect(unknown.status).toBe(400);
    expect(await stack.core.db.select().from(reports).where(eq(reports.memberId, ids['Trần Thị Bình'] ?? 0))).toHaveLength(1);
  });

  it('lets only the author edit or withdraw, within 7 days', async () => {
    const [report] = await stack.core.db.select().from(reports).where(eq(reports.clientKey, 'device-key-0001'));
    const id = report?.id ?? 0;
    const byTeammate = await call(`/api/reports/${id}`, { method: 'PUT', body: { date: today(), counts: { households_visited: 70 } }, as: 'Nguyễn Văn An' });
    expect(byTeammate.status).toBe(403);
    const byStranger = await call(`/api/reports/${id}`, { method: 'DELETE', as: 'Người xã khác' });
    expect(byStranger.status).toBe(404);
    const edited = await call(`/api/reports/${id}`, { method: 'PUT', body: { date: today(), counts: { households_visited: 8 } }, as: 'Trần Thị Bình' });
    expect(edited.json.report).toMatchObject({ counts: { households_visited: 8 }, note: null });
    await stack.core.db.update(reports).set({ createdAt: new Date(Date.now() - 8 * 86_400_000) }).where(eq(reports.id, id));
    expect(await call(`/api/reports/${id}`, { method: 'DELETE', as: 'Trần Thị Bình' })).toMatchObject({ status: 409 });
    await stack.core.db.update(reports).set({ createdAt: new Date() }).where(eq(reports.id, id));
    expect(await call(`/api/reports/${id}`, { method: 'DELETE', as: 'Trần Thị Bình' })).toMatchObject({ status: 200, json: { report: { withdrawn: true, editable: false } } });
    expect((await call('/api/home', { as: 'Trần Thị Bình' })).json).toMatchObject({ week: { reports: 0 } });
  });

  it('lists a team’s reports a page at a time, and never another team’s', async () => {
    for (let i = 0; i < 3; i++) await call('/api/reports', { method: 'POST', body: { clientKey: `page-key-000${i}`, date: today(), counts: { people_guided: i + 1 } }, as: 'Phạm Thị Dung' });
    const first = await call('/api/reports?limit=2', { as: 'Hoàng Văn Em' });
    expect((first.json.items as unknown[]).length).toBe(2);
    const second = await call(`/api/reports?limit=2&cursor=${first.json.nextCursor}`, { as: 'Hoàng Văn Em' });
    expect(second.json).toMatchObject({ nextCursor: null });
    expect((second.json.items as unknown[]).length).toBe(1);
    expect((await call(`/api/reports?teamId=${teamOf['Phạm Thị Dung']}`, { as: 'Trần Thị Bình' })).status).toBe(403);
    expect((await call(`/api/reports?teamId=${otherCommuneTeam}`, { as: 'Trần Thị Bình' })).status).toBe(404);
    expect((await call(`/api/reports?teamId=${teamOf['Phạm Thị Dung']}`, { as: 'Chủ tịch UBND xã Demo' })).status).toBe(200);
    expect((await call('/api/reports?limit=500', { as: 'Hoàng Văn Em' })).json).toMatchObject({ error: 'invalid-request' });
  });
});

describe('help requests from the Mini App', () => {
  it('a claim tells the resident at once and notes it in the team group; others cannot claim it', async () => {
    const resident = await upsertResidentInteraction(stack.core.db, { oaId: stack.config.zalo?.oaId ?? '', zaloUserId: '7700000000000000501', at: new Date() });
    await stack.core.db.update(teams).set({ groupTransport: 'gmf', zaloGroupId: 'group-dong-app' }).where(eq(teams.id, teamOf['Trần Thị Bình'] ?? 0));
    stack.fake.state.gmfGroups.set('group-dong-app', true);
    const request = await insertHelpRequest(stack.core.db, {
      kind: 'home_visit', residentId: resident.id, communeId, teamId: teamOf['Trần Thị Bình'] ?? 0, topic: 'vneid-level2', createdAt: new Date(), dueAt: new Date(Date.now() - 60_000),
    });
    const list = await call('/api/help-requests?status=open', { as: 'Lê Văn Cường' });
    expect(list.json.items).toEqual([expect.objectContaining({ id: request.id, overdue: true, status: 'open' })]);
    expect((await call(`/api/help-requests/${request.id}/claim`, { method: 'POST', as: 'Phạm Thị Dung' })).status).toBe(403);
    expect((await call(`/api/help-requests/${request.id}/claim`, { method: 'POST', as: 'Người xã khác' })).status).toBe(404);
    const claimed = await call(`/api/help-requests/${request.id}/claim`, { method: 'POST', as: 'Lê Văn Cường' });
    expect(claimed.json.request).toMatchObject({ status: 'claimed', claimedBy: { name: 'Lê Văn Cường' } });
    // Handed to the queue by the API itself: it arrives well before the sweeper would look (250 ms here, 10 s by default).
    const told = await waitFor(() => stack.fake.state.delivered.find((d) => d.to === 'user:7700000000000000501'), { what: 'the resident told who will come' });
    expect(told.text).toContain('Lê Văn Cường');
    await waitFor(() => stack.fake.state.delivered.find((d) => d.to === 'group:group-dong-app' && d.text?.includes('qua Mini App')), { what: 'the group note' });
    const rows = await stack.core.db.select().from(outboundMessages).where(eq(outboundMessages.recipientId, '7700000000000000501'));
    expect(rows.every((r) => r.enqueuedAt !== null)).toBe(true);
    expect(await call(`/api/help-requests/${request.id}/claim`, { method: 'POST', as: 'Trần Thị Bình' })).toMatchObject({ status: 409 });
    const closed = await call(`/api/help-requests/${request.id}/close`, { method: 'POST', body: { note: 'Đã kích hoạt xong' }, as: 'Lê Văn Cường' });
    expect(closed.json.request).toMatchObject({ status: 'done', closeNote: 'Đã kích hoạt xong' });
    const [row] = await stack.core.db.select().from(helpRequests).where(eq(helpRequests.id, request.id));
    expect(row?.status).toBe('done');
  });
});

describe('who sees and changes what', () => {
  it('the dashboard is for commune leaders (their commune) and admins (any)', async () => {
    expect((await call('/api/dashboard', { as: 'Trần Thị Bình' })).status).toBe(403);
    expect((await call('/api/dashboard', { as: 'Nguyễn Văn An' })).status).toBe(403);
    const mine = await call('/api/dashboard', { as: 'Chủ tịch UBND xã Demo' });
    expect(mine.status).toBe(200);
    // Thôn Tây's three reports this week; Thôn Đông's was withdrawn and no longer counts.
    expect(mine.json).toMatchObject({ commune: { name: 'Xã Demo' }, totals: { people_guided: 6 } });
    expect((mine.json.totals as Record<string, number>).households_visited).toBeUndefined();
    expect((mine.json.trend as unknown[]).length).toBe(8);
    expect(String(mine.json.monthlyReportUrl)).toMatch(/^https:\/\/xa-demo\.example\.vn\/downloads\/bao-cao-thang\/\d+\/\d{4}-\d{2}\.xlsx\?exp=\d+&sig=/);
    expect((await call(`/api/dashboard?communeId=${otherCommuneId}`, { as: 'Chủ tịch UBND xã Demo' })).status).toBe(404);
    expect((await call(`/api/dashboard?communeId=${otherCommuneId}`, { as: 'Cán bộ văn hóa - xã hội' })).json).toMatchObject({ commune: { name: 'Xã Khác' } });
  });

  it('a team leader manages their own team only; a member manages nothing; refused changes change nothing', async () => {
    const [unverified] = await stack.core.db.insert(members).values({ teamId: teamOf['Phạm Thị Dung'] ?? 0, displayName: 'Người mới Thôn Tây', verified: false }).returning();
    const id = unverified?.id ?? 0;
    expect((await call(`/api/members/${id}/confirm`, { method: 'POST', as: 'Nguyễn Văn An' })).status).toBe(403);
    expect((await call(`/api/members/${id}/confirm`, { method: 'POST', as: 'Hoàng Văn Em' })).status).toBe(403);
    expect((await call(`/api/members/${id}/confirm`, { method: 'POST', as: 'Chủ tịch xã khác' })).status).toBe(404);
    expect((await stack.core.db.select().from(members).where(eq(members.id, id)))[0]?.verified).toBe(false);
    expect((await call(`/api/members/${id}/confirm`, { method: 'POST', as: 'Phạm Thị Dung' })).json).toMatchObject({ member: { verified: true } });
    expect((await call('/api/teams', { as: 'Phạm Thị Dung' })).json.teams).toEqual([expect.objectContaining({ name: 'Tổ CNSCĐ Thôn Tây' })]);
    expect(((await call('/api/teams', { as: 'Chủ tịch UBND xã Demo' })).json.teams as unknown[]).length).toBe(5);
    expect((await call(`/api/teams/${otherCommuneTeam}/link-code`, { method: 'POST', as: 'Chủ tịch UBND xã Demo' })).status).toBe(404);
    expect((await call(`/api/teams/${teamOf['Phạm Thị Dung']}/link-code`, { method: 'POST', as: 'Chủ tịch UBND xã Demo' })).json.instruction).toContain('/lienket');
  });

  it('targets: leaders set the commune’s and villages’, a team leader only their village’s', async () => {
    const period = today().slice(0, 7);
    const [tay] = await stack.core.db.select().from(teams).where(eq(teams.id, teamOf['Phạm Thị Dung'] ?? 0));
    const dongUnit = (await stack.core.db.select().from(teams).where(eq(teams.id, teamOf['Nguyễn Văn An'] ?? 0)))[0]?.unitId ?? 0;
    const set = (as: string, unitId: number, target: number) => call('/api/targets', { method: 'PUT', body: { unitId, metric: 'vneid_level2', period, target }, as });
    expect((await set('Phạm Thị Dung', tay?.unitId ?? 0, 40)).status).toBe(200);
    expect((await set('Phạm Thị Dung', dongUnit, 40)).status).toBe(403);
    expect((await set('Trần Thị Bình', dongUnit, 40)).status).toBe(403);
    expect((await set('Chủ tịch xã khác', dongUnit, 40)).status).toBe(404);
    expect((await set('Chủ tịch UBND xã Demo', communeId, 300)).status).toBe(200);
    const rows = await stack.core.db.select().from(targets).where(and(eq(targets.period, period), eq(targets.metric, 'vneid_level2')));
    expect(rows.map((r) => [r.unitId, r.target]).sort()).toEqual([[communeId, 300], [tay?.unitId ?? 0, 40]].sort());
    const listed = await call(`/api/targets?period=${period}`, { as: 'Phạm Thị Dung' });
    expect(listed.json.targets).toEqual([expect.objectContaining({ unitId: tay?.unitId, target: 40, label: 'định danh mức 2' })]);
    expect(listed.json.units).toEqual([{ id: tay?.unitId, name: 'Thôn Tây' }]);
    expect(((await call(`/api/targets?period=${period}`, { as: 'Chủ tịch UBND xã Demo' })).json.units as unknown[]).length).toBe(5);
  });
});
