import { sql } from 'drizzle-orm';

/**
 * A CTE `level2_so_far(village_id, level2)` to follow `villagesOfCommune`: the level-2 e-ID
 * activations reported from the start up to `until` (a date, inclusive), per village. Whole months
 * before `until`'s month come from `report_month_totals` (kept by triggers, migration 0011), the
 * days of its own month from the reports, so the cost stays a month of reports however long the
 * campaign has run.
 */
export const level2SoFarByVillage = (until: string) => sql`
  level2_so_far(village_id, level2) as (
    select v.village_id, sum(so_far.count)::int
      from village_of v
      join teams t on t.unit_id = v.unit_id and t.kind = 'village'
      cross join lateral (
        select m.total as count
          from report_month_totals m
         where m.team_id = t.id and m.metric = 'vneid_level2' and m.month < date_trunc('month', ${until}::date)::date
        union all
        select ri.count
          from reports r join report_items ri on ri.report_id = r.id and ri.metric = 'vneid_level2'
         where r.team_id = t.id and r.undone_at is null
           and r.report_date between date_trunc('month', ${until}::date)::date and ${until}::date) so_far
     group by 1)`;
