import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { members } from '../schema/index.ts';

export type MemberRow = typeof members.$inferSelect;
export type NewMember = typeof members.$inferInsert;

/** Adds a member unless the team already has one with that display name. */
export async function insertMemberIfMissing(db: DbOrTx, member: NewMember): Promise<MemberRow> {
  const [existing] = await db
    .select()
    .from(members)
    .where(and(eq(members.teamId, member.teamId), eq(members.displayName, member.displayName)));
  if (existing) return existing;
  const [row] = await db.insert(members).values(member).returning();
  if (!row) throw new Error(`insert of member ${member.displayName} returned nothing`);
  return row;
}

/** The team member behind a Zalo id in one id space (OA-scoped or personal-account), or null. */
export async function findMemberByZaloId(
  db: DbOrTx,
  params: { teamId: number; source: NonNullable<MemberRow['zaloIdSource']>; zaloUserId: string },
): Promise<MemberRow | null> {
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.teamId, params.teamId), eq(members.zaloIdSource, params.source), eq(members.zaloUserId, params.zaloUserId)));
  return row ?? null;
}

export async function insertMember(db: DbOrTx, member: NewMember): Promise<MemberRow> {
  const [row] = await db.insert(members).values(member).returning();
  if (!row) throw new Error('member insert returned nothing');
  return row;
}

export async function getMember(db: DbOrTx, id: number): Promise<MemberRow> {
  const [row] = await db.select().from(members).where(eq(members.id, id));
  if (!row) throw new Error(`member ${id} not found`);
  return row;
}

/** The team's leader (the first one, if several), or null. */
export async function findTeamLeader(db: DbOrTx, teamId: number): Promise<MemberRow | null> {
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.teamId, teamId), eq(members.role, 'team_leader')))
    .orderBy(members.id)
    .limit(1);
  return row ?? null;
}

/**
 * Gives a member without a Zalo id this one, unless another member of the team already holds it
 * (the id is unique per team and id space). True when stored.
 */
export async function setMemberZaloIdIfFree(
  db: DbOrTx,
  params: { memberId: number; teamId: number; source: NonNullable<MemberRow['zaloIdSource']>; zaloUserId: string },
): Promise<boolean> {
  const taken = await findMemberByZaloId(db, params);
  if (taken) return taken.id === params.memberId;
  const rows = await db
    .update(members)
    .set({ zaloUserId: params.zaloUserId, zaloIdSource: params.source })
    .where(and(eq(members.id, params.memberId), isNull(members.zaloUserId)))
    .returning({ id: members.id });
  return rows.length > 0;
}

export async function listMembersOfTeam(db: DbOrTx, teamId: number): Promise<MemberRow[]> {
  return db.select().from(members).where(eq(members.teamId, teamId)).orderBy(members.id);
}
