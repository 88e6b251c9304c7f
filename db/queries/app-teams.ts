import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { orgUnits, targets, teams } from '../schema/index.ts';
import { communeAndMerged, provinceAndMerged } from './org-units.ts';
import type { OrgUnitRow } from './org-units.ts';
import type { TeamRow } from './teams.ts';

const vietnameseOrder = new Intl.Collator('vi', { numeric: true });

export type TeamSummary = { id: number; name: string; kind: 'village' | 'commune' | 'commune_leaders'; unitId: number; linked: boolean; members: number; unverified: number };

/** Every team of a commune today (its own, its villages', those of communes merged into it), with member counts. */
export async function listTeamsOfCommune(db: DbOrTx, communeId: number): Promise<TeamSummary[]> {
  const result = await db.execute<{ id: number; name: string; kind: TeamSummary['kind']; unit_id: number; linked: boolean; members: number; unverified: number }>(sql`
    select t.id, t.name, t.kind, t.unit_id, t.zalo_group_id is not null as linked,
           (select count(*)::int from members m where m.team_id = t.id) as members,
           (select count(*)::int from members m where m.team_id = t.id and not m.verified) as unverified
      from teams t join org_units u on u.id = t.unit_id
     where u.id = ${communeId} or (u.kind = 'village' and u.valid_to is null and u.parent_id in ${communeAndMerged(communeId)})
     order by t.kind desc, t.name`);
  return result.rows.map((r) => ({ id: Number(r.id), name: r.name, kind: r.kind, unitId: Number(r.unit_id), linked: r.linked, members: Number(r.members), unverified: Number(r.unverified) }));
}

/** Targets of a commune and its current villages for one period. */
export async function listCommuneTargets(db: DbOrTx, p: { communeId: number; period: string }): Promise<{ unitId: number; unitName: string; metric: string; target: number }[]> {
  const result = await db.execute<{ unit_id: number; unit_name: string; metric: string; target: number }>(sql`
    select t.unit_id, u.name as unit_name, t.metric, t.target
      from targets t join org_units u on u.id = t.unit_id
     where t.period = ${p.period} and (u.id = ${p.communeId} or (u.kind = 'village' and u.valid_to is null and u.parent_id in ${communeAndMerged(p.communeId)}))
     order by u.kind, u.name, t.metric`);
  return result.rows.map((r) => ({ unitId: Number(r.unit_id), unitName: r.unit_name, metric: r.metric, target: Number(r.target) }));
}

export async function upsertTarget(db: DbOrTx, p: { unitId: number; metric: string; period: string; target: number; at: Date }): Promise<void> {
  await db
    .insert(targets)
    .values({ unitId: p.unitId, metric: p.metric, period: p.period, target: p.target, updatedAt: p.at })
    .onConflictDoUpdate({ target: [targets.unitId, targets.metric, targets.period], set: { target: p.target, updatedAt: p.at } });
}

export async function findTarget(db: DbOrTx, p: { unitId: number; metric: string; period: string }): Promise<number | null> {
  const [row] = await db.select({ target: targets.target }).from(targets).where(and(eq(targets.unitId, p.unitId), eq(targets.metric, p.metric), eq(targets.period, p.period)));
  return row?.target ?? null;
}

/**
 * The leaders' teams of a province's current communes (those of provinces merged into it included),
 * with their commune, in Vietnamese alphabetical order of the commune.
 */
export async function listLeadersTeamsOfProvince(db: DbOrTx, provinceId: number): Promise<{ team: TeamRow; commune: OrgUnitRow }[]> {
  const rows = await db
    .select({ team: teams, commune: orgUnits })
    .from(teams)
    .innerJoin(orgUnits, eq(orgUnits.id, teams.unitId))
    .where(and(eq(teams.kind, 'commune_leaders'), eq(orgUnits.kind, 'commune'), isNull(orgUnits.validTo), sql`${orgUnits.parentId} in ${provinceAndMerged(provinceId)}`));
  return rows.sort((a, b) => vietnameseOrder.compare(a.commune.name, b.commune.name));
}
