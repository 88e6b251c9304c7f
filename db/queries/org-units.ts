import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
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
 * The commune today of a commune given by its id (an SQL expression): itself, or the commune that
 * replaced it, through any number of mergers. A subquery yielding one id.
 */
export function communeTodayOf(communeId: SQL) {
  return sql`(with recursive up(id, successor_id) as (
      select c.id, c.successor_id from org_units c where c.id = ${communeId}
      union all
      select s.id, s.successor_id from org_units s join up on s.id = up.successor_id)
    select id from up where successor_id is null limit 1)`;
}

/** The commune today of the unit in `units` (itself if a commune, else its parent's), as a join condition's right side. */
export function communeTodayOfUnit(units: typeof orgUnits) {
  return communeTodayOf(sql`case when ${units.kind} = 'commune' then ${units.id} else ${units.parentId} end`);
}

/** A unit and its commune today, in one query. */
export async function findUnitWithCommune(db: DbOrTx, unitId: number): Promise<{ unit: OrgUnitRow; commune: OrgUnitRow } | null> {
  const commune = alias(orgUnits, 'commune');
  const [row] = await db.select({ unit: orgUnits, commune }).from(orgUnits).innerJoin(commune, eq(commune.id, communeTodayOfUnit(orgUnits))).where(eq(orgUnits.id, unitId));
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
