import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { SQL, SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../client.ts';
import { orgUnits } from '../schema/index.ts';

export type OrgUnitRow = typeof orgUnits.$inferSelect;

/** The ids of a commune and of every commune merged into it (any number of steps back), as a subquery. */
export function communeAndMerged(communeId: number) {
  return sql`(with recursive commune_of(id) as (
      select ${communeId}::int union select u.id from org_units u join commune_of c on u.successor_id = c.id where u.kind = 'commune'
    ) select id from commune_of)`;
}
/**
 * The unit today of a unit given by its id (an SQL expression): itself, or the unit that replaced
 * it, through any number of mergers. A subquery yielding one id (none for a null id).
 */
export function unitTodayOf(unitId: SQL) {
  return sql`(with recursive up(id, successor_id) as (
      select c.id, c.successor_id from org_units c where c.id = ${unitId}
      union all
      select s.id, s.successor_id from org_units s join up on s.id = up.successor_id)
    select id from up where successor_id is null limit 1)`;
}
/** The commune today of a commune given by its id (an SQL expression). */
export const communeTodayOf = unitTodayOf;

/**
 * The province today of a commune given by its parent column (its parent, or the province that
 * replaced it after a merger of provinces), as a join condition's right side; none without a parent.
 */
export function provinceTodayOfCommune(parentId: SQLWrapper) {
  return unitTodayOf(sql`${parentId}`);
}

/** The ids of a province and of every province merged into it, as a subquery. */
export function provinceAndMerged(provinceId: number) {
  return sql`(with recursive province_of(id) as (
      select ${provinceId}::int union select u.id from org_units u join province_of p on u.successor_id = p.id where u.kind = 'province'
    ) select id from province_of)`;
}

/** The commune today of the unit in `units` (itself if a commune, else its parent's), as a join condition's right side. */
export function communeTodayOfUnit(units: typeof orgUnits) {
  return communeTodayOf(sql`case when ${units.kind} = 'commune' then ${units.id} else ${units.parentId} end`);
}

/** A unit, its commune today and that commune's province today (null when it has none), in one query. */
export async function findUnitWithCommune(db: DbOrTx, unitId: number): Promise<{ unit: OrgUnitRow; commune: OrgUnitRow; province: OrgUnitRow | null } | null> {
  const commune = alias(orgUnits, 'commune');
  const province = alias(orgUnits, 'province');
  const [row] = await db
    .select({ unit: orgUnits, commune, province })
    .from(orgUnits)
    .innerJoin(commune, eq(commune.id, communeTodayOfUnit(orgUnits)))
    .leftJoin(province, eq(province.id, provinceTodayOfCommune(commune.parentId)))
    .where(eq(orgUnits.id, unitId));
  return row ?? null;
}

/** A commune (merged away or not) with its province today, or null when the id is not a commune's. */
export async function findCommuneWithProvince(db: DbOrTx, communeId: number): Promise<{ commune: OrgUnitRow; province: OrgUnitRow | null } | null> {
  const province = alias(orgUnits, 'province');
  const [row] = await db
    .select({ commune: orgUnits, province })
    .from(orgUnits)
    .leftJoin(province, eq(province.id, provinceTodayOfCommune(orgUnits.parentId)))
    .where(and(eq(orgUnits.id, communeId), eq(orgUnits.kind, 'commune')));
  return row ?? null;
}

export type NewOrgUnit = typeof orgUnits.$inferInsert;

/** Creates the unit or updates its name and place in the tree; the code is the natural key. */
export async function upsertOrgUnit(db: DbOrTx, unit: NewOrgUnit): Promise<OrgUnitRow> {
  const [row] = await db
    .insert(orgUnits)
    .values(unit)
    .onConflictDoUpdate({ target: orgUnits.code, set: { name: unit.name, kind: unit.kind, parentId: unit.parentId ?? null } })
    .returning();
  if (!row) throw new Error(`upsert of unit ${unit.code} returned nothing`);
  return row;
}

export async function findOrgUnitByCode(db: DbOrTx, code: string): Promise<OrgUnitRow | null> {
  const [row] = await db.select().from(orgUnits).where(eq(orgUnits.code, code));
  return row ?? null;
}

const vietnameseOrder = new Intl.Collator('vi', { numeric: true });

/**
 * Villages of a commune that are still valid (not merged away), including those still listed under
 * a commune merged into it, in Vietnamese alphabetical order.
 */
export async function listCurrentVillages(db: DbOrTx, communeId: number): Promise<OrgUnitRow[]> {
  const rows = await db
    .select()
    .from(orgUnits)
    .where(and(inArray(orgUnits.parentId, communeAndMerged(communeId)), eq(orgUnits.kind, 'village'), isNull(orgUnits.validTo)));
  // Sorted here: the database's collation may put "Đông" after "Tây".
  return rows.sort((a, b) => vietnameseOrder.compare(a.name, b.name));
}

export async function getOrgUnit(db: DbOrTx, id: number): Promise<OrgUnitRow> {
  const [row] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
  if (!row) throw new Error(`org unit ${id} not found`);
  return row;
}

/** Communes of a province that are still valid, in Vietnamese alphabetical order. */
export async function listCurrentCommunes(db: DbOrTx, provinceId: number): Promise<OrgUnitRow[]> {
  const rows = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, provinceId), eq(orgUnits.kind, 'commune'), isNull(orgUnits.validTo)));
  return rows.sort((a, b) => vietnameseOrder.compare(a.name, b.name));
}
