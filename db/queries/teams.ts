import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../client.ts';
import { orgUnits, teams } from '../schema/index.ts';
import { communeAndMerged } from './org-units.ts';

export type TeamRow = typeof teams.$inferSelect;
export type NewTeam = typeof teams.$inferInsert;

/** One team per unit and kind: creates it, or renames the existing one. */
export async function upsertTeam(db: DbOrTx, team: NewTeam): Promise<TeamRow> {
  const [row] = await db
    .insert(teams)
    .values(team)
    .onConflictDoUpdate({ target: [teams.unitId, teams.kind], set: { name: team.name } })
    .returning();
  if (!row) throw new Error(`upsert of team ${team.name} returned nothing`);
  return row;
}

export async function findTeamOfUnit(db: DbOrTx, params: { unitId: number; kind: TeamRow['kind'] }): Promise<TeamRow | null> {
  const [row] = await db.select().from(teams).where(and(eq(teams.unitId, params.unitId), eq(teams.kind, params.kind)));
  return row ?? null;
}

export async function getTeam(db: DbOrTx, id: number): Promise<TeamRow> {
  const [row] = await db.select().from(teams).where(eq(teams.id, id));
  if (!row) throw new Error(`team ${id} not found`);
  return row;
}

export type GroupTransport = NonNullable<TeamRow['groupTransport']>;

/** The team a Zalo group is bound to, or null. */
export async function findTeamByGroup(db: DbOrTx, params: { transport: GroupTransport; groupId: string }): Promise<TeamRow | null> {
  const [row] = await db.select().from(teams).where(and(eq(teams.groupTransport, params.transport), eq(teams.zaloGroupId, params.groupId)));
  return row ?? null;
}

export async function lockTeam(tx: Tx, id: number): Promise<TeamRow | null> {
  const [row] = await tx.select().from(teams).where(eq(teams.id, id)).for('update');
  return row ?? null;
}

export async function bindTeamGroup(db: DbOrTx, params: { teamId: number; transport: GroupTransport; groupId: string; groupOaId?: string | null; at: Date }): Promise<void> {
  await db
    .update(teams)
    .set({ groupTransport: params.transport, zaloGroupId: params.groupId, groupOaId: params.groupOaId ?? null, groupLinkedAt: params.at })
    .where(eq(teams.id, params.teamId));
}


/** Communes (still valid) that have a leaders' team: the ones a weekly digest is for. */
export async function listCommunesWithLeaders(db: DbOrTx): Promise<{ communeId: number; leadersTeam: TeamRow }[]> {
  const rows = await db
    .select({ team: teams })
    .from(teams)
    .innerJoin(orgUnits, eq(orgUnits.id, teams.unitId))
    .where(and(eq(teams.kind, 'commune_leaders'), eq(orgUnits.kind, 'commune'), isNull(orgUnits.validTo)));
  return rows.map((r) => ({ communeId: r.team.unitId, leadersTeam: r.team }));
}

/** The village teams of a commune's current villages, with their group link (null when not linked). */
export async function listVillageTeamsOfCommune(db: DbOrTx, communeId: number): Promise<TeamRow[]> {
  const rows = await db
    .select({ team: teams })
    .from(teams)
    .innerJoin(orgUnits, eq(orgUnits.id, teams.unitId))
    .where(and(eq(teams.kind, 'village'), inArray(orgUnits.parentId, communeAndMerged(communeId)), isNull(orgUnits.validTo)));
  return rows.map((r) => r.team).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
