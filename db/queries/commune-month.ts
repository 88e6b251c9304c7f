import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { villagesOfCommune } from './commune-week.ts';
import { level2SoFarByVillage } from './level2-so-far.ts';

export type MonthReportRow = {
  reportId: number;
  reportDate: string;
  /** Today's village the report counts under, and the unit it was made under (they differ after a merger). */
  villageId: number;
  madeUnder: string;
  member: string;
  metric: string;
  count: number;
  createdAt: Date;
  undone: boolean;
};

/**
 * Every report item of a commune's village teams dated in [from, to], undone ones included (marked),
 * so the monthly report's audit sheet shows everything the totals were made from.
 */
export async function listCommuneReportItems(db: DbOrTx, p: { communeId: number; from: string; to: string }): Promise<MonthReportRow[]> {
  const result = await db.execute<{
    report_id: number;
    report_date: string;
    village_id: number;
    made_under: string;
    member: string;
    metric: string;
    count: number;
    created_at: string;
    undone: boolean;
  }>(sql`
    ${villagesOfCommune(p.communeId)}
    select r.id as report_id, to_char(r.report_date, 'YYYY-MM-DD') as report_date, v.village_id, u.name as made_under, m.display_name as member,
           ri.metric, ri.count, r.created_at, r.undone_at is not null as undone
      from village_of v
      join org_units u on u.id = v.unit_id
      join teams t on t.unit_id = v.unit_id and t.kind = 'village'
      join reports r on r.team_id = t.id and r.report_date between ${p.from}::date and ${p.to}::date
      join members m on m.id = r.member_id
      join report_items ri on ri.report_id = r.id
     order by r.report_date, r.id, ri.metric`);
  return result.rows.map((r) => ({
    reportId: Number(r.report_id),
    reportDate: r.report_date,
    villageId: Number(r.village_id),
    madeUnder: r.made_under,
    member: r.member,
    metric: r.metric,
    count: Number(r.count),
    createdAt: new Date(r.created_at),
    undone: r.undone,
  }));
}

export type VillageProgress = {
  villageId: number;
  /** The village's own targets for the month, by metric. */
  targets: Record<string, number>;
  /** Adults living there, where a population was imported. */
  adults: number | null;
  /** Level-2 activations its team helped with, from the start up to `until`. */
  level2SoFar: number;
};

/** Per current village of a commune: its month targets, its adults and its level-2 count so far. */
export async function listVillageProgress(db: DbOrTx, p: { communeId: number; month: string; until: string }): Promise<VillageProgress[]> {
  const result = await db.execute<{ village_id: number; targets: Record<string, number> | null; adults: number | null; level2: number | null }>(sql`
    ${villagesOfCommune(p.communeId)},
    current_village as (select distinct village_id from village_of),
    planned as (
      select t.unit_id as village_id, jsonb_object_agg(t.metric, t.target) as targets
        from targets t join current_village c on c.village_id = t.unit_id
       where t.period = ${p.month}
       group by 1),
    ${level2SoFarByVillage(p.until)}
    select c.village_id, planned.targets, pop.adults, level2.level2
      from current_village c
      left join planned using (village_id)
      left join unit_populations pop on pop.unit_id = c.village_id
      left join level2_so_far level2 using (village_id)`);
  return result.rows.map((r) => ({
    villageId: Number(r.village_id),
    targets: Object.fromEntries(Object.entries(r.targets ?? {}).map(([metric, target]) => [metric, Number(target)])),
    adults: r.adults === null ? null : Number(r.adults),
    level2SoFar: Number(r.level2 ?? 0),
  }));
}
