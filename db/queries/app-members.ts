import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { memberAppCodes, members, orgUnits, teams } from '../schema/index.ts';
import { alias } from 'drizzle-orm/pg-core';
import type { MemberRow } from './members.ts';
import { communeTodayOfUnit, provinceTodayOfCommune } from './org-units.ts';
import type { OrgUnitRow } from './org-units.ts';
import type { TeamRow } from './teams.ts';

/** Memberships of a Mini App user, the highest role first (a leader who also serves a village team). */
export async function findMembersOfAppUser(db: DbOrTx, miniappUserId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(members)
    .where(eq(members.miniappUserId, miniappUserId))
    .orderBy(sql`array_position(array['admin','province_admin','commune_leader','team_leader','member']::member_role[], ${members.role})`, asc(members.id));
}

/** Members whose phone is this number (stored as typed; compared on the last nine digits). */
export async function findMembersByPhone(db: DbOrTx, phone: string): Promise<MemberRow[]> {
  const lastNine = phone.replace(/\D/g, '').slice(-9);
  if (lastNine.length < 9) return [];
  return db.select().from(members).where(sql`right(regexp_replace(${members.phone}, '\\D', '', 'g'), 9) = ${lastNine}`);
}

export async function setMemberAppUser(db: DbOrTx, p: { memberIds: number[]; miniappUserId: string }): Promise<void> {
  for (const id of p.memberIds) await db.update(members).set({ miniappUserId: p.miniappUserId }).where(eq(members.id, id));
}

export async function setMemberVerified(db: DbOrTx, id: number): Promise<MemberRow | null> {
  const [row] = await db.update(members).set({ verified: true }).where(eq(members.id, id)).returning();
  return row ?? null;
}

export async function setMemberRole(db: DbOrTx, p: { memberId: number; role: MemberRow['role'] }): Promise<MemberRow | null> {
  const [row] = await db.update(members).set({ role: p.role }).where(eq(members.id, p.memberId)).returning();
  return row ?? null;
}

export async function listTeamMembers(db: DbOrTx, teamId: number): Promise<MemberRow[]> {
  return db.select().from(members).where(eq(members.teamId, teamId)).orderBy(asc(members.id));
}

export type MemberContext = { member: MemberRow; team: TeamRow; unit: OrgUnitRow; commune: OrgUnitRow; province: OrgUnitRow | null };

/**
 * A member with their team, the team's unit, that unit's commune today and the commune's province
 * today (null when it has none): one query per API request.
 */
export async function findMemberContext(db: DbOrTx, memberId: number): Promise<MemberContext | null> {
  const commune = alias(orgUnits, 'commune');
  const province = alias(orgUnits, 'province');
  const [row] = await db
    .select({ member: members, team: teams, unit: orgUnits, commune, province })
    .from(members)
    .innerJoin(teams, eq(teams.id, members.teamId))
    .innerJoin(orgUnits, eq(orgUnits.id, teams.unitId))
    .innerJoin(commune, eq(commune.id, communeTodayOfUnit(orgUnits)))
    .leftJoin(province, eq(province.id, provinceTodayOfCommune(commune.parentId)))
    .where(eq(members.id, memberId));
  return row ?? null;
}

export async function findMember(db: DbOrTx, id: number): Promise<MemberRow | null> {
  const [row] = await db.select().from(members).where(eq(members.id, id));
  return row ?? null;
}

/** Every member with their team, for the development identity picker. */
export async function listMembersWithTeams(db: DbOrTx, limit: number): Promise<{ member: MemberRow; teamName: string }[]> {
  return db
    .select({ member: members, teamName: teams.name })
    .from(members)
    .innerJoin(teams, eq(teams.id, members.teamId))
    .innerJoin(orgUnits, eq(orgUnits.id, teams.unitId))
    .orderBy(sql`array_position(array['admin','province_admin','commune_leader','team_leader','member']::member_role[], ${members.role})`, asc(members.id))
    .limit(limit);
}

export async function insertMemberAppCode(db: DbOrTx, row: typeof memberAppCodes.$inferInsert): Promise<void> {
  await db.insert(memberAppCodes).values(row);
}

/** Takes an unused, unexpired code once: the row is marked used in the same statement. */
export async function useMemberAppCode(db: DbOrTx, p: { code: string; now: Date }): Promise<number | null> {
  const [row] = await db
    .update(memberAppCodes)
    .set({ usedAt: p.now })
    .where(and(eq(memberAppCodes.code, p.code), isNull(memberAppCodes.usedAt), sql`${memberAppCodes.expiresAt} > ${p.now.toISOString()}::timestamptz`))
    .returning({ memberId: memberAppCodes.memberId });
  return row?.memberId ?? null;
}
