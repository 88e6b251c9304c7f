import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

export type ProvinceSize = { communes: number; villagesPerCommune: number; membersPerTeam: number };

/** A real province's scale: 100 communes of 15 villages, a team of 7 in each village. */
export const fullProvince: ProvinceSize = { communes: 100, villagesPerCommune: 15, membersPerTeam: 7 };

/**
 * A province of `size.communes` communes (codes `bench-xa-<n>`), each with its villages, a village team
 * per village bound to an OA-owned (GMF) group `g-<village code>`, a leaders' team per commune,
 * members and village populations. Everything in SQL: row by row from Node would take minutes.
 * `groupOaId`: the OA owning the groups, as linking a group records it; its messages are then
 * written for that OA and paced at its send rate (a row without an OA is not paced).
 */
export async function seedProvinceTeams(db: Db, size: ProvinceSize, options: { groupOaId?: string } = {}): Promise<void> {
  await seedProvinceUnits(db, size);
  await db.execute(sql`
    insert into teams (unit_id, kind, name, zalo_group_id, group_transport, group_oa_id)
    select id, 'village', 'Tổ CNSCĐ ' || name || ' ' || code, 'g-' || code, 'gmf', ${options.groupOaId ?? null}::text from org_units where kind = 'village'`);
  await db.execute(sql`insert into teams (unit_id, kind, name) select id, 'commune_leaders', 'Lãnh đạo ' || name from org_units where kind = 'commune'`);
  await db.execute(sql`
    insert into members (team_id, display_name, role)
    select t.id, 'Thành viên ' || m, case when m = 1 then 'team_leader'::member_role else 'member'::member_role end
      from teams t, generate_series(1, ${size.membersPerTeam}) m where t.kind = 'village'`);
  await db.execute(sql`
    insert into unit_populations (unit_id, adults, households) select id, 600 + (id % 400), 200 + (id % 150) from org_units where kind = 'village'`);
}

/**
 * A year of daily reports up to `lastDay` (each team reports on a day when a hash of (team, day)
 * says so, about 6 days in 10), with three metrics each, and a month's target per commune.
 */
export async function seedYearOfReports(db: Db, p: { lastDay: string; targetMonth: string }): Promise<void> {
  await db.execute(sql`
    create temporary table bench_days as
    select t.id as team_id, d::date as day, (select id from members where team_id = t.id and role = 'team_leader' limit 1) as member_id
      from teams t, generate_series(${p.lastDay}::date - interval '363 days', ${p.lastDay}::date, interval '1 day') d
     where t.kind = 'village' and abs(hashtext(t.id || ':' || d::date)) % 10 < 6`);
  await db.execute(sql`
    insert into inbound_events (source, event_name, dedupe_key, payload, status, received_at)
    select 'zca', 'bench_report', 'bench:' || team_id || ':' || day, '{}', 'processed', day + time '19:00' from bench_days`);
  await db.execute(sql`
    insert into reports (team_id, member_id, report_date, inbound_event_id, created_at)
    select b.team_id, b.member_id, b.day, e.id, b.day + time '19:00'
      from bench_days b join inbound_events e on e.dedupe_key = 'bench:' || b.team_id || ':' || b.day`);
  await db.execute(sql`
    insert into report_items (report_id, metric, count)
    select r.id, m.metric, 1 + abs(hashtext(r.id || m.metric)) % 20
      from reports r cross join (values ('households_visited'), ('people_guided'), ('vneid_level2')) m(metric)`);
  await db.execute(sql`insert into targets (unit_id, metric, period, target) select id, 'vneid_level2', ${p.targetMonth}, 900 from org_units where kind = 'commune'`);
  await db.execute(sql`drop table bench_days`);
  await db.execute(sql`analyze`);
}

/** The province `bench-tinh`, its communes `bench-xa-<c>` and their villages `bench-xa-<c>-thon-<v>`. */
export async function seedProvinceUnits(db: Db, size: { communes: number; villagesPerCommune: number }): Promise<void> {
  await db.execute(sql`insert into org_units (code, name, kind, valid_from) values ('bench-tinh', 'Tỉnh Bench', 'province', '2025-07-01')`);
  await db.execute(sql`
    insert into org_units (code, name, kind, parent_id, valid_from)
    select 'bench-xa-' || c, 'Xã ' || c, 'commune', (select id from org_units where code = 'bench-tinh'), '2025-07-01' from generate_series(1, ${size.communes}) c`);
  await db.execute(sql`
    insert into org_units (code, name, kind, parent_id, valid_from)
    select 'bench-xa-' || c || '-thon-' || v, 'Thôn ' || v, 'village', (select id from org_units where code = 'bench-xa-' || c), '2025-07-01'
      from generate_series(1, ${size.communes}) c, generate_series(1, ${size.villagesPerCommune}) v`);
}
