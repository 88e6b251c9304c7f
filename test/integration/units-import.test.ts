import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { escalationMessage, teamReminderMessage } from '../../bot/chat/digest/reminder-messages.ts';
import { sweepReminders } from '../../bot/domain/reminders/team-reminders.ts';
import { insertHelpRequest } from '../../db/queries/help-requests.ts';
import { importUnits } from '../../bot/domain/imports/import-units.ts';
import { buildCommuneWeekDigest } from '../../bot/domain/digests/commune-week-digest.ts';
import { insertInboundEvent } from '../../db/queries/inbound-events.ts';
import { insertMemberIfMissing } from '../../db/queries/members.ts';
import { insertReport } from '../../db/queries/reports.ts';
import { bindTeamGroup, upsertTeam } from '../../db/queries/teams.ts';
import { orgUnits, outboundMessages, targets, unitPopulations } from '../../db/schema/index.ts';
import { importTargets } from '../../bot/domain/imports/import-targets.ts';
import { metricIds } from '../../bot/chat/group/report/metrics.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ workers: false });
});
afterAll(async () => {
  await stack?.close();
});

const sample = readFileSync(new URL('../../scripts/samples/units.csv', import.meta.url), 'utf8');
const units = () => stack.core.db.select().from(orgUnits);

describe('npm run units:import', () => {
  it('imports the sample: the tree, the Vietnamese kinds and the merged village pointing at its successor', async () => {
    expect(await importUnits(stack.core.db, sample)).toEqual({ ok: true, created: 9, updated: 0 });
    const rows = await units();
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const merged = byCode.get('mau-xa-hoa-binh-thon-na-phai');
    expect(merged).toMatchObject({ kind: 'village', validTo: '2026-06-30', successorId: byCode.get('mau-xa-hoa-binh-thon-ban-ca')?.id });
    expect(byCode.get('mau-phuong-trung-tam-tdp-1')).toMatchObject({ kind: 'village', parentId: byCode.get('mau-phuong-trung-tam')?.id });
    expect(byCode.get('mau-phuong-trung-tam')).toMatchObject({ kind: 'commune', parentId: byCode.get('mau-tinh')?.id });
  });

  it('importing the same file again creates nothing new', async () => {
    const before = (await units()).length;
    expect(await importUnits(stack.core.db, sample)).toEqual({ ok: true, created: 0, updated: 9 });
    expect(await units()).toHaveLength(before);
  });

  it('a file with bad rows writes nothing and names every bad row with its line', async () => {
    const before = await units();
    const bad = [
      'code,name,kind,parent_code,valid_from,valid_to,successor_code',
      'mau-xa-moi,Xã Mới,xã,mau-tinh,2025-07-01,,',
      'mau-xa-moi-thon-a,Thôn A,thôn,mau-xa-moi,2025-07-01,,',
      'Mau Sai,Thôn B,thôn,mau-xa-moi,2025-07-01,,',
      'mau-xa-moi-thon-c,Thôn C,làng,mau-xa-moi,2025-07-01,,',
      'mau-xa-moi-thon-d,Thôn D,thôn,khong-co,2025-07-01,,',
      'mau-xa-moi-thon-e,Thôn E,thôn,mau-xa-moi,2025-02-30,,',
      'mau-xa-moi-thon-f,Thôn F,thôn,mau-xa-moi,2025-07-01,,mau-xa-moi-thon-a',
      'mau-xa-moi-thon-g,Thôn G,thôn,mau-tinh,2025-07-01,,',
      'mau-xa-moi-thon-a,Thôn A lặp,thôn,mau-xa-moi,2025-07-01,,',
    ].join('\n');
    const result = await importUnits(stack.core.db, bad);
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.problems.map((p) => p.line);
    expect([...new Set(lines)]).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(result.ok ? '' : result.problems.map((p) => p.reason).join('\n')).toContain('a village cannot belong to a province');
    expect(await units()).toEqual(before);
  });

  it('targets:import stores targets and populations, updates them on re-import, and refuses a bad file whole', async () => {
    const targetsCsv = readFileSync(new URL('../../scripts/samples/targets.csv', import.meta.url), 'utf8');
    expect(await importTargets(stack.core.db, targetsCsv, { metricIds })).toEqual({ ok: true, targets: 3, populations: 6 });
    expect(await importTargets(stack.core.db, targetsCsv.replace('vneid_level2,2026,1800', 'vneid_level2,2026,2000'), { metricIds })).toEqual({ ok: true, targets: 3, populations: 6 });
    const stored = await stack.core.db.select().from(targets);
    expect(stored).toHaveLength(3);
    expect(stored.find((t) => t.period === '2026')?.target).toBe(2000);
    expect(await stack.core.db.select().from(unitPopulations)).toHaveLength(3);

    const bad = ['unit_code,metric,period,target', 'mau-xa-hoa-binh,vneid_level2,2026-12,90', 'khong-co,vneid_level2,2026-12,5', 'mau-xa-hoa-binh,bánh mì,2026-12,5', 'mau-xa-hoa-binh,dvc_accounts,12/2026,5', 'mau-xa-hoa-binh-thon-1,adults,2026,800', 'mau-xa-hoa-binh,dvc_accounts,2026-12,-3'].join('\n');
    const result = await importTargets(stack.core.db, bad, { metricIds });
    expect(result.ok ? [] : [...new Set(result.problems.map((p) => p.line))]).toEqual([3, 4, 5, 6, 7]);
    expect((await stack.core.db.select().from(targets)).find((t) => t.period === '2026-12' && t.metric === 'vneid_level2')?.target).toBe(150);
  });

  it("counts a merged commune's villages, still listed under it, in the commune that replaced it", async () => {
    const csv = ['code,name,kind,parent_code,valid_from,valid_to,successor_code', 'mau-xa-cu,Xã Cũ,xã,mau-tinh,2020-01-01,2025-06-30,mau-xa-hoa-binh', 'mau-xa-cu-thon-a,Thôn A Xã Cũ,thôn,mau-xa-cu,2020-01-01,,'].join('\n');
    expect(await importUnits(stack.core.db, csv)).toMatchObject({ ok: true, created: 2 });
    const [village] = await stack.core.db.select().from(orgUnits).where(eq(orgUnits.code, 'mau-xa-cu-thon-a'));
    const [commune] = await stack.core.db.select().from(orgUnits).where(eq(orgUnits.code, 'mau-xa-hoa-binh'));
    if (!village || !commune) throw new Error('setup');
    const team = await upsertTeam(stack.core.db, { unitId: village.id, kind: 'village', name: 'Tổ CNSCĐ Thôn A Xã Cũ' });
    const member = await insertMemberIfMissing(stack.core.db, { teamId: team.id, displayName: 'Lò Văn Sáng', role: 'team_leader' });
    const eventId = await insertInboundEvent(stack.core.db, { source: 'zca', eventName: 'test_report', dedupeKey: 'test:xa-cu:1', payload: '{}', status: 'processed', receivedAt: new Date() });
    await insertReport(stack.core.db, { teamId: team.id, memberId: member.id, reportDate: '2026-11-24', inboundEventId: eventId ?? 0, createdAt: new Date('2026-11-24T12:00:00Z'), items: [{ metric: 'households_visited', count: 11 }] });

    const digest = await buildCommuneWeekDigest(stack.core.db, { communeId: commune.id, week: { year: 2026, week: 48 }, now: new Date('2026-11-30T00:30:00Z'), graceDays: 1 });
    expect(digest.villages.find((v) => v.name === 'Thôn A Xã Cũ')).toMatchObject({ reported: true, totals: { households_visited: 11 } });
    expect(digest.totals.households_visited).toBe(11);

    // A resident's request to that village's team, waiting twice its time, reaches today's commune leaders.
    const leaders = await upsertTeam(stack.core.db, { unitId: commune.id, kind: 'commune_leaders', name: 'Lãnh đạo Xã Hòa Bình' });
    await bindTeamGroup(stack.core.db, { teamId: leaders.id, transport: 'gmf', groupId: 'g-hoa-binh-leaders', at: new Date() });
    const now = new Date();
    await insertHelpRequest(stack.core.db, { kind: 'home_visit', communeId: commune.id, teamId: team.id, createdAt: new Date(now.getTime() - 8 * 3_600_000), dueAt: new Date(now.getTime() - 5 * 3_600_000) });
    const quietNever = { startHour: 0, endHour: 0 };
    await sweepReminders(stack.core.db, { now, quiet: quietNever, monthlyDay: 25, text: teamReminderMessage, escalation: escalationMessage });
    const toLeaders = await stack.core.db.select().from(outboundMessages).where(and(eq(outboundMessages.channel, 'team_group'), eq(outboundMessages.recipientId, String(leaders.id))));
    expect(JSON.stringify(toLeaders.map((r) => r.payload))).toContain('Tổ CNSCĐ Thôn A Xã Cũ');
  });
});
