import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommuneProgress } from '../../db/queries/commune-week.ts';
import { listVillageProgress } from '../../db/queries/commune-month.ts';
import { insertAppReport, replaceReport } from '../../db/queries/app-reports.ts';
import { migrationsFolder } from '../../db/migrate.ts';
import { markReportUndone } from '../../db/queries/reports.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { seedDemoActivity } from '../../scripts/lib/seed-demo-activity.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';

let stack: TestStack;
let communeId: number;
let teamId: number;
let memberId: number;
beforeAll(async () => {
  stack = await startTestStack({ workers: false });
  ({ communeId } = await seedDemoCommune(stack.core.db));
  await seedDemoActivity(stack.core.db, { today: new Date('2026-11-27T08:00:00Z') });
  const [member] = (
    await stack.core.db.execute<{ team_id: number; member_id: number }>(sql`
      select t.id as team_id, m.id as member_id from teams t join members m on m.team_id = t.id where t.kind = 'village' order by t.id limit 1`)
  ).rows;
  if (!member) throw new Error('the demo commune has no village team member');
  teamId = Number(member.team_id);
  memberId = Number(member.member_id);
});
afterAll(async () => {
  await stack?.close();
});

/** Rows where the kept totals differ from the reports themselves (a total of 0 equals no row). */
async function drift(): Promise<unknown[]> {
  const result = await stack.core.db.execute(sql`
    with direct as (
      select r.team_id, date_trunc('month', r.report_date)::date as month, i.metric, sum(i.count)::int as total
        from reports r join report_items i on i.report_id = r.id where r.undone_at is null group by 1, 2, 3)
    select * from direct full join report_month_totals m using (team_id, month, metric)
     where coalesce(direct.total, 0) <> coalesce(m.total, 0)`);
  return result.rows;
}

async function kept(month: string, metric: string): Promise<number> {
  const result = await stack.core.db.execute<{ total: number | null }>(sql`
    select total from report_month_totals where team_id = ${teamId} and month = ${month}::date and metric = ${metric}`);
  return Number(result.rows[0]?.total ?? 0);
}

/** Level-2 activations up to `until` the way it was read before the totals: every report. */
async function level2FromEveryReport(until: string): Promise<number> {
  const result = await stack.core.db.execute<{ level2: number | null }>(sql`
    select sum(ri.count)::int as level2
      from reports r join teams t on t.id = r.team_id join org_units u on u.id = t.unit_id
      join report_items ri on ri.report_id = r.id and ri.metric = 'vneid_level2'
     where u.parent_id = ${communeId} and t.kind = 'village' and r.undone_at is null and r.report_date <= ${until}::date`);
  return Number(result.rows[0]?.level2 ?? 0);
}

let keyCounter = 0;
const appReport = (reportDate: string, items: { metric: string; count: number }[]) =>
  insertAppReport(stack.core.db, { teamId, memberId, clientKey: `totals-${(keyCounter += 1)}`, reportDate, note: null, createdAt: new Date(), items }).then((r) => r.report.id);

describe('report_month_totals, kept by triggers', () => {
  it('matches the seeded reports, added by the triggers as the seed wrote them', async () => {
    const [row] = (await stack.core.db.execute<{ n: number }>(sql`select count(*)::int as n from report_month_totals where total > 0`)).rows;
    expect(row?.n).toBeGreaterThan(10);
    expect(await drift()).toEqual([]);
  });

  it('is filled by migration 0011 from the reports already there', async () => {
    // The migration's last statement, run again on an emptied table, as on a database with reports.
    const statements = readFileSync(path.join(migrationsFolder, '0011_report_month_totals.sql'), 'utf8').split('--> statement-breakpoint');
    const fill = statements.at(-1) ?? '';
    expect(fill).toMatch(/INSERT INTO "report_month_totals"/);
    await stack.core.db.execute(sql`delete from report_month_totals`);
    await stack.core.db.execute(sql.raw(fill));
    expect(await drift()).toEqual([]);
  });

  it('follows a report through insert, edit to another month, undo, restore and delete', async () => {
    const octoberBefore = await kept('2026-10-01', 'vneid_level2');
    const novemberBefore = await kept('2026-11-01', 'vneid_level2');
    const id = await appReport('2026-10-30', [
      { metric: 'vneid_level2', count: 7 },
      { metric: 'households_visited', count: 3 },
    ]);
    expect(await kept('2026-10-01', 'vneid_level2')).toBe(octoberBefore + 7);

    await stack.core.db.transaction((tx) => replaceReport(tx, { id, reportDate: '2026-11-02', note: null, at: new Date(), items: [{ metric: 'vneid_level2', count: 5 }] }));
    expect(await kept('2026-10-01', 'vneid_level2')).toBe(octoberBefore);
    expect(await kept('2026-11-01', 'vneid_level2')).toBe(novemberBefore + 5);
    expect(await drift()).toEqual([]);

    await markReportUndone(stack.core.db, { id, at: new Date() });
    expect(await kept('2026-11-01', 'vneid_level2')).toBe(novemberBefore);
    await stack.core.db.execute(sql`update reports set undone_at = null where id = ${id}`);
    expect(await kept('2026-11-01', 'vneid_level2')).toBe(novemberBefore + 5);
    await stack.core.db.execute(sql`update report_items set count = 9 where report_id = ${id}`);
    expect(await kept('2026-11-01', 'vneid_level2')).toBe(novemberBefore + 9);

    await stack.core.db.execute(sql`delete from reports where id = ${id}`);
    expect(await kept('2026-11-01', 'vneid_level2')).toBe(novemberBefore);
    expect(await drift()).toEqual([]);
  });

  it('stays right when eight reports of one team are written at once', async () => {
    const items = [
      { metric: 'vneid_level2', count: 1 },
      { metric: 'vneid_accounts', count: 2 },
      { metric: 'households_visited', count: 4 },
    ];
    await Promise.all(Array.from({ length: 8 }, (_, i) => stack.core.db.transaction(async (tx) => {
      const { report } = await insertAppReport(tx, { teamId, memberId, clientKey: `together-${i}`, reportDate: '2026-11-20', note: null, createdAt: new Date(), items: i % 2 ? items : [...items].reverse() });
      return report.id;
    })));
    expect(await drift()).toEqual([]);
  });

  it('gives the digest and the monthly report the same level-2 count as reading every report', async () => {
    // A report after `until` in the same month must not count; one in an earlier month must.
    await appReport('2026-11-25', [{ metric: 'vneid_level2', count: 11 }]);
    await appReport('2026-09-03', [{ metric: 'vneid_level2', count: 13 }]);
    for (const until of ['2026-11-22', '2026-11-30', '2026-10-31', '2026-09-02']) {
      const month = until.slice(0, 7);
      const expected = await level2FromEveryReport(until);
      const progress = await loadCommuneProgress(stack.core.db, { communeId, month, monthStart: `${month}-01`, until });
      expect(progress.level2SoFar, until).toBe(expected);
      const villages = await listVillageProgress(stack.core.db, { communeId, month, until });
      expect(villages.reduce((n, v) => n + v.level2SoFar, 0), until).toBe(expected);
    }
    expect(await level2FromEveryReport('2026-11-22')).toBeGreaterThan(0);
  });

  it('empties with the reports when they are truncated (TRUNCATE fires no delete trigger)', async () => {
    await stack.core.db.execute(sql`truncate reports cascade`);
    expect((await stack.core.db.execute(sql`select count(*)::int as n from report_month_totals`)).rows[0]).toEqual({ n: 0 });
  });
});
