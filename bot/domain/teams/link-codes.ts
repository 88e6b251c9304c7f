import { randomInt } from 'node:crypto';
import type { DbOrTx, Tx } from '../../../db/client.ts';
import { insertTeamLinkCode, lockTeamLinkCode, markTeamLinkCodeUsed } from '../../../db/queries/team-link-codes.ts';
import { findOaAccount } from '../../../db/queries/oa-accounts.ts';
import { findUnitWithCommune } from '../../../db/queries/org-units.ts';
import { bindTeamGroup, findTeamByGroup, lockTeam } from '../../../db/queries/teams.ts';
import type { GroupTransport, TeamRow } from '../../../db/queries/teams.ts';

/** No 0/O, 1/I/L: the code is read aloud and typed on a phone. */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const linkCodeTtlMs = 7 * 24 * 3600_000;

/** Six characters anyone can read aloud and type on a phone. */
export function oneTimeCode(): string {
  return Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** A new one-time code for binding a group to the team, valid for 7 days. */
export async function createTeamLinkCode(db: DbOrTx, params: { teamId: number; now: Date }): Promise<{ code: string; expiresAt: Date }> {
  const code = oneTimeCode();
  const expiresAt = new Date(params.now.getTime() + linkCodeTtlMs);
  await insertTeamLinkCode(db, { code, teamId: params.teamId, createdAt: params.now, expiresAt });
  return { code, expiresAt };
}

export type LinkOutcome =
  | { kind: 'linked'; team: TeamRow }
  | { kind: 'already-linked'; team: TeamRow }
  | { kind: 'group-taken'; team: TeamRow }
  | { kind: 'bad-code' }
  /** The group belongs to an OA of another commune than the team's. */
  | { kind: 'other-commune'; team: TeamRow }
  | { kind: 'expired-code' }
  | { kind: 'used-code' };

/**
 * `/lienket CODE`: binds the group the command came from to the code's team. A group serves one
 * team; a team moving to a new group leaves the old one.
 */
export async function linkGroupToTeam(tx: Tx, params: { code: string; transport: GroupTransport; groupId: string; groupOaId: string | null; now: Date }): Promise<LinkOutcome> {
  const row = await lockTeamLinkCode(tx, params.code.toUpperCase());
  if (!row) return { kind: 'bad-code' };
  const team = await lockTeam(tx, row.teamId);
  if (!team) return { kind: 'bad-code' };
  const current = await findTeamByGroup(tx, { transport: params.transport, groupId: params.groupId });
  if (current && current.id === team.id) return { kind: 'already-linked', team };
  if (row.usedAt) return { kind: 'used-code' };
  if (row.expiresAt <= params.now) return { kind: 'expired-code' };
  if (current) return { kind: 'group-taken', team: current };
  if (params.groupOaId && !(await sameCommune(tx, params.groupOaId, team))) return { kind: 'other-commune', team };
  await bindTeamGroup(tx, { teamId: team.id, transport: params.transport, groupId: params.groupId, groupOaId: params.groupOaId, at: params.now });
  await markTeamLinkCodeUsed(tx, { code: row.code, at: params.now });
  return { kind: 'linked', team: { ...team, groupTransport: params.transport, zaloGroupId: params.groupId, groupOaId: params.groupOaId, groupLinkedAt: params.now } };
}

/**
 * A GMF group is owned by an OA, and an OA speaks for one commune: a team of another commune would
 * have its group's messages sent by, and its residents' requests seen through, the wrong commune's
 * OA. An OA not in the table yet (the environment's, before its commune exists) is not checked.
 */
async function sameCommune(tx: Tx, oaId: string, team: TeamRow): Promise<boolean> {
  const oa = await findOaAccount(tx, oaId);
  if (!oa) return true;
  const found = await findUnitWithCommune(tx, team.unitId);
  return found?.commune.id === oa.communeId;
}
