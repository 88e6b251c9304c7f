import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { level2SoFarByVillage } from './level2-so-far.ts';

/**
 * The villages a commune has today — its own, and those still listed under communes merged into it —
 * and every unit merged into them, through any number of successor steps: reports made under a
 * merged village count under today's village, and a merged commune's villages under the commune
 * that replaced it. Walked backwards from this commune, so only its units are read.
 */
export const villagesOfCommune = (communeId: number) => sql`
  with recursive commune_of(id) as (
    select ${communeId}::int
    union
    select u.id from org_units u join commune_of c on u.successor_id = c.id where u.kind = 'commune'
  ),
  village_of(unit_id, village_id) as (
    select id, id from org_units where parent_id in (select id from commune_of) and kind = 'village' and valid_to is null
    union
    select u.id, v.village_id from org_units u join village_of v on u.successor_id = v.unit_id
  )`;

export type VillageMetricTotal = { villageId: number; thisWeek: boolean; metric: string; total: number };

/** Totals per current village and metric for two consecutive weeks (`lastMonday` … `sunday`). */
export async function listVillageWeekTotals(db: DbOrTx, p: { communeId: number; lastMonday: string; monday: string; sunday: string }): Promise<VillageMetricTotal[]> {
  const result = await db.execute<{ village_id: number; this_week: boolean; metric: string; total: number }>(sql`
    ${villagesOfCommune(p.communeId)}
    select v.village_id, r.report_date >= ${p.monday}::date as this_week, ri.metric, sum(ri.count)::int as total
      from village_of v
      join teams t on t.unit_id = v.unit_id and t.kind = 'village'
      join reports r on r.team_id = t.id and r.undone_at is null and r.report_date between ${p.lastMonday}::date and ${p.sunday}::date
      join report_items ri on ri.report_id = r.id
     group by 1, 2, 3`);
  return result.rows.map((r) => ({ villageId: Number(r.village_id), thisWeek: r.this_week, metric: r.metric, total: Number(r.total) }));
}

export type VillageReporting = { villageId: number; reports: number; onTime: boolean };

/** Which villages reported for the week, and whether one of their reports came in by `onTimeBy`. */
export async function listVillageReporting(db: DbOrTx, p: { communeId: number; monday: string; sunday: string; onTimeBy: Date }): Promise<VillageReporting[]> {
  const result = await db.execute<{ village_id: number; reports: number; on_time: boolean }>(sql`
    ${villagesOfCommune(p.communeId)}
    select v.village_id, count(*)::int as reports, bool_or(r.created_at <= ${p.onTimeBy.toISOString()}::timestamptz) as on_time
      from village_of v
      join teams t on t.unit_id = v.unit_id and t.kind = 'village'
      join reports r on r.team_id = t.id and r.undone_at is null and r.report_date between ${p.monday}::date and ${p.sunday}::date
     group by 1`);
  return result.rows.map((r) => ({ villageId: Number(r.village_id), reports: Number(r.reports), onTime: r.on_time }));
}

export type CommuneHelpCounts = { open: number; overdue: number; doneThisWeek: number; confirmedThisWeek: number };

/** Residents' help requests of a commune: open now, past their due time, closed and confirmed this week. */
export async function countCommuneHelpRequests(db: DbOrTx, p: { communeId: number; weekStart: Date; weekEnd: Date; now: Date }): Promise<CommuneHelpCounts> {
  const result = await db.execute<{ open: number; overdue: number; done: number; confirmed: number }>(sql`
    select count(*) filter (where status in ('open', 'claimed'))::int as open,
           count(*) filter (where status in ('open', 'claimed') and due_at < ${p.now.toISOString()}::timestamptz)::int as overdue,
           count(*) filter (where status = 'done' and closed_at >= ${p.weekStart.toISOString()}::timestamptz and closed_at < ${p.weekEnd.toISOString()}::timestamptz)::int as done,
           count(*) filter (where resident_confirmed_at >= ${p.weekStart.toISOString()}::timestamptz and resident_confirmed_at < ${p.weekEnd.toISOString()}::timestamptz)::int as confirmed
      from help_requests where commune_id = ${p.communeId}`);
  const row = result.rows[0];
  return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0), doneThisWeek: Number(row?.done ?? 0), confirmedThisWeek: Number(row?.confirmed ?? 0) };
}

export type CommuneProgress = { monthTargets: { metric: string; target: number; done: number }[]; adults: number; level2SoFar: number };

/**
 * Progress of a commune: the month's targets (the commune's own plus its villages') against what was
 * reported from the 1st to `until`, and the people its teams helped to level-2 e-ID so far against
 * the adults of its villages (where a population is known).
 */
export async function loadCommuneProgress(db: DbOrTx, p: { communeId: number; month: string; monthStart: string; until: string }): Promise<CommuneProgress> {
  const targets = await db.execute<{ metric: string; target: number; done: number }>(sql`
    ${villagesOfCommune(p.communeId)},
    planned as (
      -- The commune's own target where it set one; otherwise its villages' targets added up
      -- (village targets usually break the commune's down, so adding both would count twice).
      select metric, coalesce(max(target) filter (where unit_id = ${p.communeId}), sum(target) filter (where unit_id <> ${p.communeId}))::int as target
        from targets
       where period = ${p.month} and (unit_id = ${p.communeId} or unit_id in (select village_id from village_of))
       group by metric),
    done as (
      select ri.metric, sum(ri.count)::int as done
        from village_of v join teams t on t.unit_id = v.unit_id and t.kind = 'village'
        join reports r on r.team_id = t.id and r.undone_at is null and r.report_date between ${p.monthStart}::date and ${p.until}::date
        join report_items ri on ri.report_id = r.id
       group by ri.metric)
    select planned.metric, planned.target, coalesce(done.done, 0)::int as done from planned left join done using (metric) order by planned.metric`);
  const coverage = await db.execute<{ adults: number | null; level2: number | null }>(sql`
    ${villagesOfCommune(p.communeId)},
    ${level2SoFarByVillage(p.until)}
    select (select sum(adults)::int from unit_populations where unit_id in (select distinct village_id from village_of)) as adults,
           (select sum(level2)::int from level2_so_far) as level2`);
  const row = coverage.rows[0];
  return {
    monthTargets: targets.rows.map((r) => ({ metric: r.metric, target: Number(r.target), done: Number(r.done) })),
    adults: Number(row?.adults ?? 0),
    level2SoFar: Number(row?.level2 ?? 0),
  };
}

/** A commune's totals per ISO week (keyed by the week's Monday) and metric, for days `from`–`to`. */
export async function listCommuneWeeklyTotals(db: DbOrTx, p: { communeId: number; from: string; to: string }): Promise<{ monday: string; metric: string; total: number }[]> {
  const result = await db.execute<{ monday: string; metric: string; total: number }>(sql`
    ${villagesOfCommune(p.communeId)}
    select to_char(date_trunc('week', r.report_date), 'YYYY-MM-DD') as monday, ri.metric, sum(ri.count)::int as total
      from village_of v
      join teams t on t.unit_id = v.unit_id and t.kind = 'village'
      join reports r on r.team_id = t.id and r.undone_at is null and r.report_date between ${p.from}::date and ${p.to}::date
      join report_items ri on ri.report_id = r.id
     group by 1, 2`);
  return result.rows.map((r) => ({ monday: r.monday, metric: r.metric, total: Number(r.total) }));
}
