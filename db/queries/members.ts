import { and, eq } from 'drizzle-orm';
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

export async function listMembersOfTeam(db: DbOrTx, teamId: number): Promise<MemberRow[]> {
  return db.select().from(members).where(eq(members.teamId, teamId));
}
