import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { findMemberContext } from '../../../db/queries/app-members.ts';
import type { MemberRow } from '../../../db/queries/members.ts';
import { findUnitWithCommune, getOrgUnit } from '../../../db/queries/org-units.ts';
import type { OrgUnitRow } from '../../../db/queries/org-units.ts';
import type { TeamRow } from '../../../db/queries/teams.ts';
import type { Clock } from '../../clock.ts';
import type { AppSessions } from '../../crypto/app-sessions.ts';
import { ApiError } from './api-error.ts';
import { apiTexts } from './api-texts.vi.ts';

/** Who is calling: their membership, its team, the team's unit and today's commune of it. */
export type Caller = { member: MemberRow; team: TeamRow; unit: OrgUnitRow; commune: OrgUnitRow };

/** A unit's commune today: itself if a commune, else the village's parent, through any mergers. */
export async function communeOfUnit(db: Db, unitId: number): Promise<{ unit: OrgUnitRow; commune: OrgUnitRow }> {
  const found = await findUnitWithCommune(db, unitId);
  if (!found) throw new ApiError('not-found', apiTexts.notFound);
  return found;
}

export const loadCaller = (db: Db, memberId: number): Promise<Caller | null> => findMemberContext(db, memberId);

/** The caller behind the request's bearer session, or a 401. */
export async function requireCaller(request: FastifyRequest, deps: { db: Db; clock: Clock; sessions: AppSessions }): Promise<Caller> {
  const header = request.headers.authorization ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const session = token ? deps.sessions.read(token, deps.clock.now()) : 'invalid';
  if (typeof session === 'string') throw new ApiError('unauthenticated', apiTexts.unauthenticated);
  const caller = await loadCaller(deps.db, session.memberId);
  if (!caller) throw new ApiError('unauthenticated', apiTexts.unauthenticated);
  return caller;
}

export const isLeader = (c: Caller) => c.member.role === 'commune_leader' || c.member.role === 'admin';
export const canManage = (c: Caller) => c.member.role === 'team_leader' || isLeader(c);

/**
 * Whether the caller may see a team: their own; a commune leader every team of their commune; an
 * admin all. Others' teams answer 404 (the caller may not know they exist).
 */
export async function assertTeamVisible(db: Db, caller: Caller, team: TeamRow | null, action: 'see' | 'manage'): Promise<TeamRow> {
  if (!team) throw new ApiError('not-found', apiTexts.notFound);
  if (caller.member.role === 'admin') return team;
  const own = team.id === caller.team.id;
  const sameCommune = own || (await communeOfUnit(db, team.unitId)).commune.id === caller.commune.id;
  if (!sameCommune) throw new ApiError('not-found', apiTexts.notFound);
  if (caller.member.role === 'commune_leader') return team;
  if (!own) throw new ApiError('forbidden', apiTexts.forbidden);
  if (action === 'manage' && caller.member.role !== 'team_leader') throw new ApiError('forbidden', apiTexts.forbidden);
  return team;
}

/** The commune a leader's request is about: their own, or for an admin any commune asked for. */
export async function communeForLeader(db: Db, caller: Caller, requested: number | undefined): Promise<OrgUnitRow> {
  if (!isLeader(caller)) throw new ApiError('forbidden', apiTexts.noLeadersDashboard);
  if (requested === undefined || requested === caller.commune.id) return caller.commune;
  if (caller.member.role !== 'admin') throw new ApiError('not-found', apiTexts.notFound);
  const unit = await getOrgUnit(db, requested).catch(() => null);
  if (!unit || unit.kind !== 'commune') throw new ApiError('not-found', apiTexts.notFound);
  return unit;
}
