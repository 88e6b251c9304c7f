import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { provinceAndMerged } from './org-units.ts';

/** Which communes: one, those of a province today (its own and those of provinces merged into it), or all. */
export type CommuneScope = { communeId: number } | { provinceId: number } | 'all';

export type CommuneSummary = {
  id: number;
  name: string;
  /** Its current villages (those of communes merged into it included) and how many reported in the week. */
  villages: number;
  reportedVillages: number;
  /** Residents' help requests waiting or taken, and those of them past their due time. */
  openRequests: number;
  overdueRequests: number;
};

const vietnameseOrder = new Intl.Collator('vi', { numeric: true });

/**
 * The still-valid communes in `scope`, each with the week's reporting (villages that reported any
 * report dated `monday`–`sunday`, counted as the leaders' digest counts them) and its open and
 * overdue help requests, in one query; in Vietnamese alphabetical order.
 */
export async function listCommuneSummaries(db: DbOrTx, p: { scope: CommuneScope; monday: string; sunday: string; now: Date }): Promise<CommuneSummary[]> {
  const inScope =
    p.scope === 'all' ? sql`true` : 'communeId' in p.scope ? sql`id = ${p.scope.communeId}` : sql`parent_id in ${provinceAndMerged(p.scope.provinceId)}`;
  const result = await db.execute<{ id: number; name: string; villages: number; reported: number; open: number; overdue: number }>(sql`
    with recursive communes as (
      select id, name from org_units where kind = 'commune' and valid_to is null and ${inScope}
    ),
    commune_of(commune_id, id) as (
      select id, id from communes
      union
      select c.commune_id, u.id from org_units u join commune_of c on u.successor_id = c.id where u.kind = 'commune'
    ),
    village_of(commune_id, unit_id, village_id) as (
      select c.commune_id, v.id, v.id from org_units v join commune_of c on v.parent_id = c.id where v.kind = 'village' and v.valid_to is null
      union
      select vo.commune_id, u.id, vo.village_id from org_units u join village_of vo on u.successor_id = vo.unit_id
    ),
    villages as (
      select commune_id, count(distinct village_id)::int as villages from village_of group by 1
    ),
    reported as (
      select v.commune_id, count(distinct v.village_id)::int as villages
        from village_of v join teams t on t.unit_id = v.unit_id and t.kind = 'village'
       where exists (select 1 from reports r where r.team_id = t.id and r.undone_at is null and r.report_date between ${p.monday}::date and ${p.sunday}::date)
       group by 1
    ),
    help as (
      select co.commune_id, count(*)::int as open, (count(*) filter (where h.due_at < ${p.now.toISOString()}::timestamptz))::int as overdue
        from commune_of co join help_requests h on h.commune_id = co.id and h.status in ('open', 'claimed')
       group by 1
    )
    select c.id, c.name, coalesce(v.villages, 0) as villages, coalesce(r.villages, 0) as reported, coalesce(h.open, 0) as open, coalesce(h.overdue, 0) as overdue
      from communes c
      left join villages v on v.commune_id = c.id
      left join reported r on r.commune_id = c.id
      left join help h on h.commune_id = c.id`);
  return result.rows
    .map((r) => ({
      id: Number(r.id),
      name: r.name,
      villages: Number(r.villages),
      reportedVillages: Number(r.reported),
      openRequests: Number(r.open),
      overdueRequests: Number(r.overdue),
    }))
    .sort((a, b) => vietnameseOrder.compare(a.name, b.name));
}
