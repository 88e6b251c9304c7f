import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { findMember, listTeamMembers, setMemberVerified } from '../../../db/queries/app-members.ts';
import { listCommuneTargets, listTeamsOfCommune, upsertTarget } from '../../../db/queries/app-teams.ts';
import { getOrgUnit, listCurrentVillages } from '../../../db/queries/org-units.ts';
import { getTeam } from '../../../db/queries/teams.ts';
import type { TeamRow } from '../../../db/queries/teams.ts';
import type { OrgUnitRow } from '../../../db/queries/org-units.ts';
import { metricIds, metrics } from '../../chat/group/report/metrics.ts';
import { createMemberAppCode } from '../../domain/teams/app-login.ts';
import { createTeamLinkCode } from '../../domain/teams/link-codes.ts';
import type { ApiDeps } from './api-deps.ts';
import { ApiError } from './api-error.ts';
import { apiTexts } from './api-texts.vi.ts';
import { idParams, roleSchema } from './api-schemas.ts';
import type { Caller } from './caller.ts';
import { assertTeamVisible, canManage, communeForLeader, isLeader, leadsCommune, placeOfUnit, requireCaller } from './caller.ts';
import { defineRoute } from './define-route.ts';

const memberSchema = z.object({ id: z.number().int(), name: z.string(), role: roleSchema, verified: z.boolean(), appLinked: z.boolean() });
const codeSchema = z.object({ code: z.string(), expiresAt: z.iso.datetime() });
const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
/** `?communeId=`: a leader who leads several communes (a province admin, an admin) says which; their own by default. */
const communeQuery = z.object({ communeId: z.coerce.number().int().positive().optional() });

/** Leaders manage their teams: confirm members, hand out codes, set targets. */
export async function teamRoutes(app: FastifyInstance, deps: ApiDeps) {
  const auth = { db: deps.db, clock: deps.clock, sessions: deps.sessions };

  async function managedTeam(caller: Caller, teamId: number): Promise<TeamRow> {
    if (!canManage(caller)) throw new ApiError('forbidden', apiTexts.forbidden);
    return assertTeamVisible(deps.db, caller, await getTeam(deps.db, teamId).catch(() => null), 'manage');
  }

  /**
   * The commune whose teams and targets a manager works on: a leader's own, or one they lead when
   * asked for (`?communeId=`); a team leader's own only (another is 404).
   */
  async function communeOfRequest(caller: Caller, requested: number | undefined): Promise<OrgUnitRow> {
    if (!canManage(caller)) throw new ApiError('forbidden', apiTexts.forbidden);
    if (isLeader(caller)) return communeForLeader(deps.db, caller, requested);
    if (requested !== undefined && requested !== caller.commune.id) throw new ApiError('not-found', apiTexts.notFound);
    return caller.commune;
  }

  async function managedMember(caller: Caller, memberId: number) {
    const member = await findMember(deps.db, memberId);
    if (!member) throw new ApiError('not-found', apiTexts.notFound);
    await managedTeam(caller, member.teamId);
    return member;
  }

  defineRoute(app, {
    method: 'GET',
    url: '/api/teams',
    query: communeQuery,
    response: z.object({
      teams: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.enum(['village', 'commune', 'commune_leaders']), linked: z.boolean(), members: z.number().int(), unverified: z.number().int() })),
    }),
    handler: async ({ request, query }) => {
      const caller = await requireCaller(request, auth);
      const commune = await communeOfRequest(caller, query.communeId);
      const all = await listTeamsOfCommune(deps.db, commune.id);
      const teams = isLeader(caller) ? all : all.filter((t) => t.id === caller.team.id);
      return { teams: teams.map(({ unitId: _unitId, ...t }) => t) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/teams/:id/members',
    params: idParams,
    response: z.object({ members: z.array(memberSchema) }),
    handler: async ({ request, params }) => {
      const caller = await requireCaller(request, auth);
      const team = await managedTeam(caller, params.id);
      const rows = await listTeamMembers(deps.db, team.id);
      return { members: rows.map((m) => ({ id: m.id, name: m.displayName, role: m.role, verified: m.verified, appLinked: m.miniappUserId !== null })) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/members/:id/confirm',
    params: idParams,
    response: z.object({ member: memberSchema }),
    handler: async ({ request, params }) => {
      const caller = await requireCaller(request, auth);
      await managedMember(caller, params.id);
      const m = await setMemberVerified(deps.db, params.id);
      if (!m) throw new ApiError('not-found', apiTexts.notFound);
      return { member: { id: m.id, name: m.displayName, role: m.role, verified: m.verified, appLinked: m.miniappUserId !== null } };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/members/:id/app-code',
    params: idParams,
    status: 201,
    response: codeSchema,
    handler: async ({ request, params }) => {
      const caller = await requireCaller(request, auth);
      await managedMember(caller, params.id);
      const code = await deps.db.transaction((tx) => createMemberAppCode(tx, { memberId: params.id, createdByMemberId: caller.member.id, now: deps.clock.now() }));
      return { code: code.code, expiresAt: code.expiresAt.toISOString() };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/teams/:id/link-code',
    params: idParams,
    status: 201,
    response: codeSchema.extend({ instruction: z.string() }),
    handler: async ({ request, params }) => {
      const caller = await requireCaller(request, auth);
      const team = await managedTeam(caller, params.id);
      const code = await createTeamLinkCode(deps.db, { teamId: team.id, now: deps.clock.now() });
      return { code: code.code, expiresAt: code.expiresAt.toISOString(), instruction: `Thêm tài khoản của tổ vào nhóm Zalo của ${team.name}, rồi gõ trong nhóm: /lienket ${code.code}` };
    },
  });

  const targetSchema = z.object({ unitId: z.number().int(), unitName: z.string(), metric: z.string(), label: z.string(), target: z.number().int() });
  const labelOf = (metric: string) => metrics[metricIds.find((m) => m === metric) ?? 'households_visited'].label;

  defineRoute(app, {
    method: 'GET',
    url: '/api/targets',
    query: communeQuery.extend({ period: periodSchema }),
    response: z.object({ targets: z.array(targetSchema), units: z.array(z.object({ id: z.number().int(), name: z.string() })) }),
    handler: async ({ request, query }) => {
      const caller = await requireCaller(request, auth);
      const commune = await communeOfRequest(caller, query.communeId);
      const rows = await listCommuneTargets(deps.db, { communeId: commune.id, period: query.period });
      const visible = isLeader(caller) ? rows : rows.filter((r) => r.unitId === caller.unit.id);
      // The units this caller may set targets for: a leader's commune and its villages, a team leader's village.
      const units = isLeader(caller) ? [commune, ...(await listCurrentVillages(deps.db, commune.id))] : [caller.unit];
      return { targets: visible.map((r) => ({ ...r, label: labelOf(r.metric) })), units: units.map((u) => ({ id: u.id, name: u.name })) };
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/targets',
    body: z.object({ unitId: z.number().int().positive(), metric: z.string(), period: periodSchema, target: z.number().int().min(0).max(1_000_000) }),
    response: z.object({ target: targetSchema }),
    handler: async ({ request, body }) => {
      const caller = await requireCaller(request, auth);
      if (!canManage(caller)) throw new ApiError('forbidden', apiTexts.forbidden);
      if (!metricIds.some((m) => m === body.metric)) throw new ApiError('invalid-request', apiTexts.unknownMetric);
      const unit = await getOrgUnit(deps.db, body.unitId).catch(() => null);
      if (!unit || unit.validTo !== null) throw new ApiError('not-found', apiTexts.notFound);
      if (caller.member.role !== 'admin') {
        // Only an admin sets a province's targets; others those of a commune they lead, or their own unit's.
        if (unit.kind === 'province') throw new ApiError('not-found', apiTexts.notFound);
        const place = await placeOfUnit(deps.db, unit.id);
        if (!leadsCommune(caller, place)) {
          if (place.communeId !== caller.commune.id) throw new ApiError('not-found', apiTexts.notFound);
          if (unit.id !== caller.unit.id) throw new ApiError('forbidden', apiTexts.forbidden);
        }
      }
      await upsertTarget(deps.db, { unitId: unit.id, metric: body.metric, period: body.period, target: body.target, at: deps.clock.now() });
      return { target: { unitId: unit.id, unitName: unit.name, metric: body.metric, label: labelOf(body.metric), target: body.target } };
    },
  });
}
