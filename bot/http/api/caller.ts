import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { findMemberContext } from '../../../db/queries/app-members.ts';
import type { MemberContext } from '../../../db/queries/app-members.ts';
import { findCommuneWithProvince, findUnitWithCommune } from '../../../db/queries/org-units.ts';
import type { OrgUnitRow } from '../../../db/queries/org-units.ts';
import type { TeamRow } from '../../../db/queries/teams.ts';
import type { Clock } from '../../clock.ts';
import type { AppSessions } from '../../crypto/app-sessions.ts';
import { ApiError } from './api-error.ts';
import { apiTexts } from './api-texts.vi.ts';

/**
 * Who is calling: their membership, its team, the team's unit, today's commune of it and that
 * commune's province today (null when the commune has none).
 */
export type Caller = MemberContext;

/** Where a team or commune sits: its commune today and that commune's province today. */
export type Place = { communeId: number; provinceId: number | null };

/** A unit's commune today (itself if a commune, else the village's parent, through any mergers) and its province. */
export async function communeOfUnit(db: Db, unitId: number): Promise<{ unit: OrgUnitRow; commune: OrgUnitRow; province: OrgUnitRow | null }> {
  const found = await findUnitWithCommune(db, unitId);
  if (!found) throw new ApiError('not-found', apiTexts.notFound);
  return found;
}

/** Where a unit sits (see `Place`); 404 for a unit without a commune. */
export async function placeOfUnit(db: Db, unitId: number): Promise<Place> {
  const { commune, province } = await communeOfUnit(db, unitId);
  return { communeId: commune.id, provinceId: province?.id ?? null };
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

/** Leaders act on whole communes: a commune leader on theirs, a province admin on their province's, an admin on all. */
export const isLeader = (c: Caller) => c.member.role === 'commune_leader' || c.member.role === 'province_admin' || c.member.role === 'admin';
export const canManage = (c: Caller) => c.member.role === 'team_leader' || isLeader(c);
/** Whether the caller may look at other communes than their own (the dashboard's commune picker). */
export const seesManyCommunes = (c: Caller) => c.member.role === 'province_admin' || c.member.role === 'admin';

const placeOf = (c: Caller): Place => ({ communeId: c.commune.id, provinceId: c.province?.id ?? null });

/**
 * Whether the caller leads the commune at `place`: an admin every commune; a province admin their
 * own commune and every commune whose province today is theirs; a commune leader their own commune.
 */
export function leadsCommune(caller: Caller, place: Place): boolean {
  const mine = placeOf(caller);
  switch (caller.member.role) {
    case 'admin':
      return true;
    case 'province_admin':
      return place.communeId === mine.communeId || (mine.provinceId !== null && place.provinceId === mine.provinceId);
    case 'commune_leader':
      return place.communeId === mine.communeId;
    default:
      return false;
  }
}

/**
 * The access rule for a team at `place`: its leaders (see `leadsCommune`) see and manage it; a team
 * leader manages their own team; a member sees their own. Another commune's team, one the caller
 * may not know exists, is 'not-found'; another team of their commune is 'forbidden'.
 */
export function teamAccess(caller: Caller, team: { id: number } & Place, action: 'see' | 'manage'): 'ok' | 'forbidden' | 'not-found' {
  if (leadsCommune(caller, team)) return 'ok';
  const own = team.id === caller.team.id;
  if (!own) return team.communeId === caller.commune.id ? 'forbidden' : 'not-found';
  if (action === 'manage' && caller.member.role !== 'team_leader') return 'forbidden';
  return 'ok';
}

/** The team if the caller may see (or manage) it, else the 404 or 403 of `teamAccess`. */
export async function assertTeamVisible(db: Db, caller: Caller, team: TeamRow | null, action: 'see' | 'manage'): Promise<TeamRow> {
  if (!team) throw new ApiError('not-found', apiTexts.notFound);
  if (caller.member.role === 'admin') return team;
  // The caller's own team sits where the caller does; any other is looked up.
  const place = team.id === caller.team.id ? placeOf(caller) : await placeOfUnit(db, team.unitId);
  const access = teamAccess(caller, { id: team.id, ...place }, action);
  if (access === 'not-found') throw new ApiError('not-found', apiTexts.notFound);
  if (access === 'forbidden') throw new ApiError('forbidden', apiTexts.forbidden);
  return team;
}

/**
 * The commune a leader's request is about: their own by default, or one they lead (any for an
 * admin, their province's for a province admin). Others answer 404, non-leaders 403.
 */
export async function communeForLeader(db: Db, caller: Caller, requested: number | undefined): Promise<OrgUnitRow> {
  if (!isLeader(caller)) throw new ApiError('forbidden', apiTexts.noLeadersDashboard);
  if (requested === undefined || requested === caller.commune.id) return caller.commune;
  if (!seesManyCommunes(caller)) throw new ApiError('not-found', apiTexts.notFound);
  const found = await findCommuneWithProvince(db, requested);
  if (!found || !leadsCommune(caller, { communeId: found.commune.id, provinceId: found.province?.id ?? null })) throw new ApiError('not-found', apiTexts.notFound);
  return found.commune;
}
