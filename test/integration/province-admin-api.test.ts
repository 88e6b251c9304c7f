import { spawnSync } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDate, vietnamDate } from '../../bot/domain/calendar.ts';
import { insertHelpRequest } from '../../db/queries/help-requests.ts';
import { insertMemberIfMissing } from '../../db/queries/members.ts';
import { upsertOrgUnit } from '../../db/queries/org-units.ts';
import { upsertTeam } from '../../db/queries/teams.ts';
import { members, reportItems, reports } from '../../db/schema/index.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';

/**
 * Tỉnh Demo has Xã Demo (the seed), Xã Bên Sông, and Xã Đồi Chè, still listed under Tỉnh Cũ, a
 * province merged into Tỉnh Demo. Tỉnh Khác has Xã Khác. The province admin of Tỉnh Demo is a member
 * of Xã Demo's leaders' team (teams belong to communes and villages).
 */
let stack: TestStack;
const ids: Record<string, number> = {};
const unitIds: Record<string, number> = {};
const teamIds: Record<string, number> = {};
const requestIds: Record<string, number> = {};

async function call(path: string, opts: { method?: string; body?: unknown; as?: string } = {}) {
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.as) headers.authorization = `Bearer ${stack.core.appSessions.issue(ids[opts.as] ?? -1, new Date(Date.now() + 3_600_000))}`;
  const res = await fetch(`${stack.baseUrl}${path}`, { method: opts.method ?? 'GET', headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & { message?: string; error?: string } };
}

type Place = { unit: string; name: string; kind: 'province' | 'commune' | 'village'; parent?: string; validTo?: string; successor?: string };

async function place(p: Place): Promise<number> {
  const row = await upsertOrgUnit(stack.core.db, {
    code: p.unit,
    name: p.name,
    kind: p.kind,
    parentId: p.parent ? unitIds[p.parent] : null,
    validFrom: p.validTo ? '2020-01-01' : '2025-07-01',
    validTo: p.validTo ?? null,
    successorId: p.successor ? unitIds[p.successor] : null,
  });
  unitIds[p.unit] = row.id;
  return row.id;
}

async function team(unit: string, kind: 'village' | 'commune_leaders', name: string, people: [string, 'member' | 'team_leader' | 'commune_leader' | 'province_admin'][]) {
  const row = await upsertTeam(stack.core.db, { unitId: unitIds[unit] ?? 0, kind, name });
  teamIds[name] = row.id;
  for (const [displayName, role] of people) ids[displayName] = (await insertMemberIfMissing(stack.core.db, { teamId: row.id, displayName, role })).id;
}

const today = () => isoDate(vietnamDate(new Date()));

beforeAll(async () => {
  stack = await startTestStack({ workers: false });
  const { communeId } = await seedDemoCommune(stack.core.db);
  unitIds['demo-xa'] = communeId;
  for (const m of await stack.core.db.select().from(members)) ids[m.displayName] = m.id;
  const [seeded] = await stack.core.db.select().from(members).where(eq(members.displayName, 'Chủ tịch UBND xã Demo'));
  unitIds['demo-tinh'] = (await upsertOrgUnit(stack.core.db, { code: 'demo-tinh', name: 'Tỉnh Demo', kind: 'province', validFrom: '2025-07-01' })).id;
  const places: Place[] = [
    { unit: 'tinh-cu', name: 'Tỉnh Cũ', kind: 'province', validTo: '2025-06-30', successor: 'demo-tinh' },
    { unit: 'xa-ben-song', name: 'Xã Bên Sông', kind: 'commune', parent: 'demo-tinh' },
    { unit: 'xa-ben-song-thon-ben', name: 'Thôn Bến', kind: 'village', parent: 'xa-ben-song' },
    { unit: 'xa-doi-che', name: 'Xã Đồi Chè', kind: 'commune', parent: 'tinh-cu' },
    { unit: 'xa-doi-che-thon-che', name: 'Thôn Chè', kind: 'village', parent: 'xa-doi-che' },
    { unit: 'tinh-khac', name: 'Tỉnh Khác', kind: 'province' },
    { unit: 'xa-khac', name: 'Xã Khác', kind: 'commune', parent: 'tinh-khac' },
    { unit: 'xa-khac-thon-mot', name: 'Thôn Một', kind: 'village', parent: 'xa-khac' },
  ];
  for (const p of places) await place(p);
  await team('demo-xa', 'commune_leaders', 'Lãnh đạo Xã Demo', [['Cán bộ Sở', 'province_admin']]);
  await team('xa-ben-song', 'commune_leaders', 'Lãnh đạo Xã Bên Sông', [['Chủ tịch xã Bên Sông', 'commune_leader']]);
  await team('xa-ben-song-thon-ben', 'village', 'Tổ CNSCĐ Thôn Bến', [['Tổ trưởng Thôn Bến', 'team_leader'], ['Thành viên Thôn Bến', 'member']]);
  await team('xa-doi-che', 'commune_leaders', 'Lãnh đạo Xã Đồi Chè', []);
  await team('xa-doi-che-thon-che', 'village', 'Tổ CNSCĐ Thôn Chè', [['Tổ trưởng Thôn Chè', 'team_leader']]);
  await team('xa-khac', 'commune_leaders', 'Lãnh đạo Xã Khác', [['Chủ tịch xã khác', 'commune_leader'], ['Cán bộ tỉnh khác', 'province_admin']]);
  await team('xa-khac-thon-mot', 'village', 'Tổ CNSCĐ Thôn Một', [['Người xã khác', 'member']]);
  expect(seeded?.role).toBe('commune_leader');

  // This week Thôn Bến reported; one request of Xã Bên Sông and one of Xã Khác are overdue.
  const [report] = await stack.core.db
    .insert(reports)
    .values({ teamId: teamIds['Tổ CNSCĐ Thôn Bến'] ?? 0, memberId: ids['Tổ trưởng Thôn Bến'] ?? 0, reportDate: today(), source: 'miniapp', clientKey: 'ben-song-0001', createdAt: new Date() })
    .returning();
  await stack.core.db.insert(reportItems).values({ reportId: report?.id ?? 0, metric: 'households_visited', count: 4 });
  const overdue = { kind: 'home_visit' as const, topic: 'vneid-level2', createdAt: new Date(Date.now() - 3 * 86_400_000), dueAt: new Date(Date.now() - 86_400_000) };
  for (const [key, unit, teamName] of [['benSong', 'xa-ben-song', 'Tổ CNSCĐ Thôn Bến'], ['khac', 'xa-khac', 'Tổ CNSCĐ Thôn Một']] as const) {
    requestIds[key] = (await insertHelpRequest(stack.core.db, { ...overdue, communeId: unitIds[unit] ?? 0, villageId: unitIds[`${unit}-thon-${key === 'khac' ? 'mot' : 'ben'}`] ?? null, teamId: teamIds[teamName] ?? 0 })).id;
  }
});
afterAll(async () => {
  await stack?.close();
});

const names = (json: Record<string, unknown>) => (json.communes as { name: string }[]).map((c) => c.name);

describe('a province admin', () => {
  it('is told who they are: the role, the province, and that the dashboard has a commune picker', async () => {
    const me = await call('/api/me', { as: 'Cán bộ Sở' });
    expect(me.json).toMatchObject({ role: 'province_admin', commune: { name: 'Xã Demo' }, province: { name: 'Tỉnh Demo' }, can: { dashboard: true, manageTeam: true, pickCommune: true } });
    expect((await call('/api/me', { as: 'Chủ tịch UBND xã Demo' })).json).toMatchObject({ can: { dashboard: true, pickCommune: false } });
  });

  it('lists every commune of the province (one under a merged province too) with the week’s reporting and open requests, and none of another province', async () => {
    const list = await call('/api/communes', { as: 'Cán bộ Sở' });
    expect(list.status).toBe(200);
    expect(list.json.province).toEqual({ id: unitIds['demo-tinh'], name: 'Tỉnh Demo' });
    // Vietnamese order: Đ comes after D.
    expect(names(list.json)).toEqual(['Xã Bên Sông', 'Xã Demo', 'Xã Đồi Chè']);
    const [benSong, demo, doiChe] = list.json.communes as Record<string, unknown>[];
    expect(benSong).toEqual({ id: unitIds['xa-ben-song'], name: 'Xã Bên Sông', villages: 1, reportedVillages: 1, reportingRate: 100, openRequests: 1, overdueRequests: 1 });
    expect(demo).toMatchObject({ villages: 4, reportedVillages: 0, reportingRate: 0, openRequests: 0 });
    expect(doiChe).toMatchObject({ villages: 1, reportedVillages: 0 });
    expect(names((await call('/api/communes', { as: 'Cán bộ tỉnh khác' })).json)).toEqual(['Xã Khác']);
  });

  it('opens the dashboard of each commune of the province, with its overdue requests and XLSX link; another province’s is 404', async () => {
    for (const unit of ['demo-xa', 'xa-ben-song', 'xa-doi-che']) {
      const dashboard = await call(`/api/dashboard?communeId=${unitIds[unit]}`, { as: 'Cán bộ Sở' });
      expect(dashboard.status).toBe(200);
      expect(dashboard.json.commune).toMatchObject({ id: unitIds[unit] });
      expect(String(dashboard.json.monthlyReportUrl)).toContain(`/bao-cao-thang/${unitIds[unit]}/`);
    }
    const benSong = await call(`/api/dashboard?communeId=${unitIds['xa-ben-song']}`, { as: 'Cán bộ Sở' });
    expect(benSong.json).toMatchObject({ reportingRate: 100, totals: { households_visited: 4 } });
    // Not their team: the resident's name and phone stay hidden, as for a commune leader.
    expect(benSong.json.overdueRequests).toEqual([expect.objectContaining({ id: requestIds.benSong, residentName: null, residentPhone: null })]);
    expect((await call('/api/dashboard', { as: 'Cán bộ Sở' })).json.commune).toMatchObject({ name: 'Xã Demo' });
    for (const id of [unitIds['xa-khac'], unitIds['xa-ben-song-thon-ben'], unitIds['demo-tinh'], 999_999]) {
      expect((await call(`/api/dashboard?communeId=${id}`, { as: 'Cán bộ Sở' })).status).toBe(404);
    }
  });

  it('manages the teams of any commune of the province as its leader would: members, codes, reports, targets', async () => {
    const teams = await call(`/api/teams?communeId=${unitIds['xa-ben-song']}`, { as: 'Cán bộ Sở' });
    expect((teams.json.teams as { name: string }[]).map((t) => t.name).sort()).toEqual(['Lãnh đạo Xã Bên Sông', 'Tổ CNSCĐ Thôn Bến']);
    const ben = teamIds['Tổ CNSCĐ Thôn Bến'];
    expect((await call(`/api/teams/${ben}/members`, { as: 'Cán bộ Sở' })).json.members).toHaveLength(2);
    expect((await call(`/api/teams/${ben}/link-code`, { method: 'POST', as: 'Cán bộ Sở' })).status).toBe(201);
    expect((await call(`/api/members/${ids['Thành viên Thôn Bến']}/app-code`, { method: 'POST', as: 'Cán bộ Sở' })).status).toBe(201);
    expect((await call(`/api/reports?teamId=${ben}`, { as: 'Cán bộ Sở' })).json.items).toHaveLength(1);
    expect((await call(`/api/reports?teamId=${teamIds['Tổ CNSCĐ Thôn Chè']}`, { as: 'Cán bộ Sở' })).status).toBe(200);
    const period = today().slice(0, 7);
    const target = await call('/api/targets', { method: 'PUT', body: { unitId: unitIds['xa-ben-song-thon-ben'], metric: 'vneid_level2', period, target: 25 }, as: 'Cán bộ Sở' });
    expect(target.status).toBe(200);
    const targets = await call(`/api/targets?period=${period}&communeId=${unitIds['xa-ben-song']}`, { as: 'Cán bộ Sở' });
    expect(targets.json).toMatchObject({ targets: [{ unitName: 'Thôn Bến', target: 25 }], units: [{ name: 'Xã Bên Sông' }, { name: 'Thôn Bến' }] });
  });

  it('gets 404 for every team, member, report, request and target of another province', async () => {
    const mot = teamIds['Tổ CNSCĐ Thôn Một'];
    expect((await call(`/api/teams?communeId=${unitIds['xa-khac']}`, { as: 'Cán bộ Sở' })).status).toBe(404);
    expect((await call(`/api/teams/${mot}/members`, { as: 'Cán bộ Sở' })).status).toBe(404);
    expect((await call(`/api/teams/${mot}/link-code`, { method: 'POST', as: 'Cán bộ Sở' })).status).toBe(404);
    expect((await call(`/api/members/${ids['Người xã khác']}/confirm`, { method: 'POST', as: 'Cán bộ Sở' })).status).toBe(404);
    expect((await call(`/api/reports?teamId=${mot}`, { as: 'Cán bộ Sở' })).status).toBe(404);
    expect((await call(`/api/help-requests/${requestIds.khac}/claim`, { method: 'POST', as: 'Cán bộ Sở' })).status).toBe(404);
    const period = today().slice(0, 7);
    expect((await call('/api/targets', { method: 'PUT', body: { unitId: unitIds['xa-khac-thon-mot'], metric: 'vneid_level2', period, target: 5 }, as: 'Cán bộ Sở' })).status).toBe(404);
    expect((await call(`/api/targets?period=${period}&communeId=${unitIds['xa-khac']}`, { as: 'Cán bộ Sở' })).status).toBe(404);
    // A request of their own province is theirs to see, not to take: only the team that serves it claims it.
    expect((await call(`/api/help-requests/${requestIds.benSong}/claim`, { method: 'POST', as: 'Cán bộ Sở' })).status).toBe(403);
  });

  it('logs in as the province admin when the same person also belongs to a village team', async () => {
    const userId = '3368637342326469901';
    await stack.core.db.update(members).set({ miniappUserId: userId }).where(eq(members.id, ids['Cán bộ Sở'] ?? 0));
    const alsoMember = await insertMemberIfMissing(stack.core.db, { teamId: teamIds['Tổ CNSCĐ Thôn Bến'] ?? 0, displayName: 'Cán bộ Sở (thôn)', miniappUserId: userId });
    const login = await call('/api/auth/zalo', { method: 'POST', body: { accessToken: stack.fake.state.issueMiniappToken({ userId }) } });
    expect(login.json.me).toMatchObject({ memberId: ids['Cán bộ Sở'], role: 'province_admin' });
    await stack.core.db.delete(members).where(eq(members.id, alsoMember.id));
  });
});

describe('commune leaders, team leaders and members stay in their commune', () => {
  it('a commune leader lists and opens only their own commune, even beside a neighbour of the same province', async () => {
    expect(names((await call('/api/communes', { as: 'Chủ tịch UBND xã Demo' })).json)).toEqual(['Xã Demo']);
    expect(names((await call('/api/communes', { as: 'Chủ tịch xã Bên Sông' })).json)).toEqual(['Xã Bên Sông']);
    for (const unit of ['xa-ben-song', 'xa-doi-che', 'xa-khac']) {
      expect((await call(`/api/dashboard?communeId=${unitIds[unit]}`, { as: 'Chủ tịch UBND xã Demo' })).status).toBe(404);
      expect((await call(`/api/teams?communeId=${unitIds[unit]}`, { as: 'Chủ tịch UBND xã Demo' })).status).toBe(404);
    }
    expect((await call(`/api/dashboard?communeId=${unitIds['demo-xa']}`, { as: 'Chủ tịch xã Bên Sông' })).status).toBe(404);
    const ben = teamIds['Tổ CNSCĐ Thôn Bến'];
    expect((await call(`/api/teams/${ben}/members`, { as: 'Chủ tịch UBND xã Demo' })).status).toBe(404);
    expect((await call(`/api/reports?teamId=${ben}`, { as: 'Chủ tịch UBND xã Demo' })).status).toBe(404);
    expect((await call(`/api/help-requests/${requestIds.benSong}/claim`, { method: 'POST', as: 'Chủ tịch UBND xã Demo' })).status).toBe(404);
    expect((await call(`/api/teams/${ben}/members`, { as: 'Chủ tịch xã Bên Sông' })).status).toBe(200);
  });

  it('a team leader and a member have no commune list, and another commune is 404 to them', async () => {
    expect((await call('/api/communes', { as: 'Tổ trưởng Thôn Bến' })).status).toBe(403);
    expect((await call('/api/communes', { as: 'Thành viên Thôn Bến' })).status).toBe(403);
    expect((await call(`/api/teams?communeId=${unitIds['demo-xa']}`, { as: 'Tổ trưởng Thôn Bến' })).status).toBe(404);
    expect((await call(`/api/teams?communeId=${unitIds['xa-ben-song']}`, { as: 'Tổ trưởng Thôn Bến' })).json.teams).toEqual([expect.objectContaining({ name: 'Tổ CNSCĐ Thôn Bến' })]);
    expect((await call(`/api/reports?teamId=${teamIds['Tổ CNSCĐ Thôn Chè']}`, { as: 'Tổ trưởng Thôn Bến' })).status).toBe(404);
  });

  it('an admin still lists and opens every commune of every province', async () => {
    expect(names((await call('/api/communes', { as: 'Cán bộ văn hóa - xã hội' })).json)).toEqual(['Xã Bên Sông', 'Xã Demo', 'Xã Đồi Chè', 'Xã Khác']);
    expect((await call(`/api/dashboard?communeId=${unitIds['xa-khac']}`, { as: 'Cán bộ văn hóa - xã hội' })).status).toBe(200);
  });
});

describe('npm run province:admin', () => {
  const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/province-admin.ts', ...args], { env: { ...process.env, ...stack.env }, encoding: 'utf8' });

  it('adds a province admin to the leaders’ team of a commune of the province and prints a login code that works', async () => {
    const r = run(['demo-tinh', '--name', 'Giám đốc Sở', '--phone', '0987 654 321']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [row] = await stack.core.db.select().from(members).where(eq(members.displayName, 'Giám đốc Sở'));
    // The first commune of the province by name that has a leaders' team.
    expect(row).toMatchObject({ role: 'province_admin', teamId: teamIds['Lãnh đạo Xã Bên Sông'], phone: '0987 654 321', verified: true });
    expect(r.stdout).toContain('Tỉnh Demo');
    const code = /Mini App: ([A-Z0-9]{6})/.exec(r.stdout)?.[1];
    const login = await call('/api/auth/zalo', { method: 'POST', body: { accessToken: stack.fake.state.issueMiniappToken({ userId: '3368637342326469902' }), linkCode: code } });
    expect(login.json.me).toMatchObject({ memberId: row?.id, role: 'province_admin', province: { name: 'Tỉnh Demo' } });
    // Again: nobody new, a fresh code.
    const again = run(['demo-tinh', '--name', 'Giám đốc Sở', '--commune', 'xa-ben-song']);
    expect(again.status).toBe(0);
    expect(await stack.core.db.select().from(members).where(eq(members.displayName, 'Giám đốc Sở'))).toHaveLength(1);
  });

  it('promotes an existing member of the province, and refuses one of another province, a wrong code and a merged province', async () => {
    const r = run(['demo-tinh', '--member', String(ids['Thành viên Thôn Bến'])]);
    expect(r.status).toBe(0);
    expect((await stack.core.db.select().from(members).where(eq(members.id, ids['Thành viên Thôn Bến'] ?? 0)))[0]?.role).toBe('province_admin');
    const stranger = run(['demo-tinh', '--member', String(ids['Người xã khác'])]);
    expect(stranger.status).toBe(1);
    expect(stranger.stderr).toContain('not in Tỉnh Demo');
    expect((await stack.core.db.select().from(members).where(eq(members.id, ids['Người xã khác'] ?? 0)))[0]?.role).toBe('member');
    expect(run(['no-such-province', '--name', 'Ai đó']).stderr).toContain('no province with code');
    expect(run(['tinh-cu', '--name', 'Ai đó']).stderr).toContain('merged away');
    expect(run(['demo-tinh']).status).toBe(2);
  });
});
