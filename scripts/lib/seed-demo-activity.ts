import { addDays, isoDate, isoMonth, mondayOf, startOfVietnamDay, vietnamDate } from '../../bot/domain/calendar.ts';
import type { CalendarDate } from '../../bot/domain/calendar.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { eq } from 'drizzle-orm';
import { insertHelpRequest } from '../../db/queries/help-requests.ts';
import { insertInboundEvent } from '../../db/queries/inbound-events.ts';
import { helpRequests, targets, unitPopulations } from '../../db/schema/index.ts';
import { insertMemberIfMissing } from '../../db/queries/members.ts';
import { findOrgUnitByCode, upsertOrgUnit } from '../../db/queries/org-units.ts';
import { insertReport } from '../../db/queries/reports.ts';
import { findTeamOfUnit, upsertTeam } from '../../db/queries/teams.ts';
import { demoCommune } from '../../db/seed-demo-commune.ts';

/**
 * Five weeks of team reports for the demo commune, so the digest has something real to show:
 * Thôn Đông and Tổ dân phố 1 report on time, Thôn Tây reported the last full week late, Thôn Bắc
 * has been silent that week, and Xóm Mới — merged into Thôn Tây on 1 Nov 2026 — still reports
 * through its old team, which counts under Thôn Tây. Three residents' requests: one done and
 * confirmed during that week, one claimed, one still open and past its due time. Villages have
 * populations and the commune has targets for that week's month, so the digest shows coverage. Counts are fixed numbers, not random, so the
 * digest's text can be checked word for word. Idempotent: each report has its own stored event key.
 */
export async function seedDemoActivity(db: Db, options: { today: Date }): Promise<{ reports: number }> {
  const today = vietnamDate(options.today);
  const lastFullWeekMonday = addDays(mondayOf(today), -7);
  return db.transaction(async (tx) => {
    const merged = await seedMergedVillage(tx);
    let count = 0;
    for (let weeksBack = 4; weeksBack >= 0; weeksBack--) {
      const monday = addDays(lastFullWeekMonday, -7 * weeksBack);
      for (const plan of weekPlans(weeksBack === 0)) {
        const unitCode = plan.village === 'xom-moi' ? merged.code : `demo-xa-${plan.village}`;
        for (const day of plan.days) {
          const date = addDays(monday, day);
          if (isoDate(date) > isoDate(today)) continue;
          const createdAt = new Date(startOfVietnamDay(plan.late ? addDays(monday, 8) : date).getTime() + 19 * 3_600_000);
          if (await seedReport(tx, { unitCode, date, createdAt, counts: countsFor(plan.village, day, weeksBack) })) count += 1;
        }
      }
    }
    await seedHelpRequests(tx, lastFullWeekMonday);
    // Both months when the last full week straddles two.
    await seedTargets(tx, lastFullWeekMonday);
    await seedTargets(tx, addDays(lastFullWeekMonday, 6));
    return { reports: count };
  });
}

/** Populations of the villages, their level-2 targets and the commune's targets for the month the last full week ends in. */
async function seedTargets(tx: DbOrTx, sunday: CalendarDate): Promise<void> {
  const adults: Record<string, number> = { 'demo-xa-thon-dong': 860, 'demo-xa-thon-tay': 720, 'demo-xa-thon-bac': 540, 'demo-xa-to-dan-pho-1': 930 };
  // The commune's 250 level-2 activations, broken down by village (the monthly report shows each).
  const level2: Record<string, number> = { 'demo-xa-thon-dong': 70, 'demo-xa-thon-tay': 60, 'demo-xa-thon-bac': 45, 'demo-xa-to-dan-pho-1': 75 };
  const period = isoMonth(sunday);
  for (const [code, count] of Object.entries(adults)) {
    const unit = await findOrgUnitByCode(tx, code);
    if (!unit) continue;
    await tx.insert(unitPopulations).values({ unitId: unit.id, adults: count, households: Math.round(count / 3) }).onConflictDoNothing();
    await tx.insert(targets).values({ unitId: unit.id, metric: 'vneid_level2', period, target: level2[code] ?? 0 }).onConflictDoNothing();
  }
  const commune = await findOrgUnitByCode(tx, demoCommune.commune.code);
  if (!commune) return;
  for (const [metric, target] of [['households_visited', 700], ['vneid_level2', 250]] as const) {
    await tx.insert(targets).values({ unitId: commune.id, metric, period, target }).onConflictDoNothing();
  }
}

/** Only on the first run: help requests have no natural key to make them idempotent. */
async function seedHelpRequests(tx: DbOrTx, monday: CalendarDate): Promise<void> {
  const commune = await findOrgUnitByCode(tx, demoCommune.commune.code);
  if (!commune) return;
  const [existing] = await tx.select({ id: helpRequests.id }).from(helpRequests).where(eq(helpRequests.communeId, commune.id)).limit(1);
  if (existing) return;
  const at = (day: number, hour: number) => new Date(startOfVietnamDay(addDays(monday, day)).getTime() + hour * 3_600_000);
  const requests = [
    { village: 'demo-xa-thon-dong', status: 'done' as const, created: at(0, 9), closedAt: at(1, 16), residentConfirmedAt: at(1, 20) },
    { village: 'demo-xa-to-dan-pho-1', status: 'claimed' as const, created: at(3, 10) },
    { village: 'demo-xa-thon-bac', status: 'open' as const, created: at(4, 8) },
  ];
  for (const r of requests) {
    const unit = await findOrgUnitByCode(tx, r.village);
    const team = unit ? await findTeamOfUnit(tx, { unitId: unit.id, kind: 'village' }) : null;
    if (!unit || !team) continue;
    await insertHelpRequest(tx, {
      kind: 'home_visit',
      status: r.status,
      communeId: commune.id,
      villageId: unit.id,
      teamId: team.id,
      topic: 'vneid-level2',
      createdAt: r.created,
      dueAt: new Date(r.created.getTime() + 48 * 3_600_000),
      ...(r.closedAt ? { closedAt: r.closedAt, residentConfirmedAt: r.residentConfirmedAt } : {}),
    });
  }
}

type Plan = { village: string; days: number[]; late?: boolean };

function weekPlans(lastFullWeek: boolean): Plan[] {
  return [
    { village: 'thon-dong', days: [0, 2, 4] },
    { village: 'thon-tay', days: [1, 3], late: lastFullWeek },
    ...(lastFullWeek ? [] : [{ village: 'thon-bac', days: [2] }]),
    { village: 'to-dan-pho-1', days: [1, 4] },
    { village: 'xom-moi', days: [3], late: lastFullWeek },
  ];
}

/** Fixed, plausible counts that differ by village, day and week. */
function countsFor(village: string, day: number, weeksBack: number): { metric: string; count: number }[] {
  const base = village.length + day + (4 - weeksBack);
  return [
    { metric: 'households_visited', count: base + 4 },
    { metric: 'vneid_level2', count: Math.max(1, Math.floor(base / 2)) },
    ...(day % 2 === 0 ? [{ metric: 'dvc_accounts', count: 2 + weeksBack }] : []),
  ];
}

async function seedMergedVillage(tx: DbOrTx) {
  const commune = await findOrgUnitByCode(tx, demoCommune.commune.code);
  const successor = await findOrgUnitByCode(tx, 'demo-xa-thon-tay');
  if (!commune || !successor) throw new Error('seed the demo commune first');
  const unit = await upsertOrgUnit(tx, { code: 'demo-xa-xom-moi', name: 'Xóm Mới', kind: 'village', parentId: commune.id, validFrom: '2025-07-01', validTo: '2026-10-31', successorId: successor.id });
  const team = await upsertTeam(tx, { unitId: unit.id, kind: 'village', name: 'Tổ CNSCĐ Xóm Mới' });
  await insertMemberIfMissing(tx, { teamId: team.id, displayName: 'Trịnh Văn Minh', role: 'team_leader' });
  return unit;
}

async function seedReport(tx: DbOrTx, p: { unitCode: string; date: CalendarDate; createdAt: Date; counts: { metric: string; count: number }[] }): Promise<boolean> {
  const unit = await findOrgUnitByCode(tx, p.unitCode);
  const team = unit ? await findTeamOfUnit(tx, { unitId: unit.id, kind: 'village' }) : null;
  if (!unit || !team) throw new Error(`no team for ${p.unitCode}`);
  const leader = await insertMemberIfMissing(tx, { teamId: team.id, displayName: leaderName(p.unitCode), role: 'team_leader' });
  const eventId = await insertInboundEvent(tx, {
    source: 'zca',
    eventName: 'demo_seed_report',
    dedupeKey: `seed:${p.unitCode}:${isoDate(p.date)}`,
    payload: '{"seeded":true}',
    status: 'processed',
    receivedAt: p.createdAt,
  });
  if (eventId === null) return false;
  await insertReport(tx, { teamId: team.id, memberId: leader.id, reportDate: isoDate(p.date), inboundEventId: eventId, createdAt: p.createdAt, items: p.counts });
  return true;
}

function leaderName(unitCode: string): string {
  const village = demoCommune.villages.find((v) => v.code === unitCode);
  return village?.members[0] ?? 'Trịnh Văn Minh';
}
