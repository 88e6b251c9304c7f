import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { getHelpRequestView, listTeamHelpRequests } from '../../../db/queries/app-help-requests.ts';
import type { HelpRequestView } from '../../../db/queries/app-help-requests.ts';
import type { Tx } from '../../../db/client.ts';
import { getTeam } from '../../../db/queries/teams.ts';
import { helpDoneQuestion } from '../../chat/resident/help-confirmation.ts';
import { personalize } from '../../chat/resident/personalize.ts';
import { teamNameForResidents } from '../../chat/team-name-for-residents.ts';
import { texts } from '../../chat/texts.vi.ts';
import { claimHelpRequest } from '../../domain/help-requests/claim-help-request.ts';
import { closeHelpRequest } from '../../domain/help-requests/close-help-request.ts';
import { queueTeamMessage } from '../../domain/outbox/queue-team-message.ts';
import { findGuide } from '../../guides/guide-library.ts';
import type { ApiDeps } from './api-deps.ts';
import { ApiError } from './api-error.ts';
import { apiTexts } from './api-texts.vi.ts';
import { helpRequestSchema, idParams, pageOfSchema, pageQuery, readPage } from './api-schemas.ts';
import type { Caller } from './caller.ts';
import { assertTeamVisible, requireCaller } from './caller.ts';
import { defineRoute } from './define-route.ts';

/** A request as the app shows it; the resident's name and phone only to the team that serves them. */
export function toHelpRequest(r: HelpRequestView, caller: Caller, now: Date): z.infer<typeof helpRequestSchema> {
  const ownTeam = r.teamId === caller.team.id;
  return {
    id: r.id,
    status: r.status,
    topic: (r.topic ? findGuide(r.topic)?.shortTitle : null) ?? (r.kind === 'question' ? 'Câu hỏi của người dân' : 'Hỗ trợ tại nhà'),
    village: r.village,
    address: r.note,
    createdAt: r.createdAt.toISOString(),
    dueAt: r.dueAt.toISOString(),
    overdue: (r.status === 'open' || r.status === 'claimed') && r.dueAt < now,
    claimedBy: r.claimedByMemberId !== null ? { memberId: r.claimedByMemberId, name: r.claimedByName ?? '' } : null,
    closeNote: r.closeNote,
    residentName: ownTeam ? r.residentName : null,
    residentPhone: ownTeam ? r.residentPhone : null,
  };
}

/** My team's help requests: list, take one, close it; the resident hears of it as in the chat flows. */
export async function helpRequestRoutes(app: FastifyInstance, deps: ApiDeps) {
  const auth = { db: deps.db, clock: deps.clock, sessions: deps.sessions };

  async function visibleRequest(caller: Caller, id: number): Promise<HelpRequestView> {
    const request = await getHelpRequestView(deps.db, id);
    if (!request) throw new ApiError('not-found', apiTexts.notFound);
    await assertTeamVisible(deps.db, caller, await getTeam(deps.db, request.teamId), 'see');
    return request;
  }

  /**
   * A line in the team's group, as the chat commands would post there; nothing when the team has no
   * linked group (a row for it would wait for one forever).
   */
  const noteInGroup = (tx: Tx, caller: Caller, cause: string, text: string): Promise<number[]> =>
    caller.team.zaloGroupId ? queueTeamMessage(tx, { cause, teamId: caller.team.id, contents: [{ kind: 'text', text }] }) : Promise.resolve([]);

  defineRoute(app, {
    method: 'GET',
    url: '/api/help-requests',
    query: pageQuery.extend({ status: z.enum(['open', 'mine', 'closed']).default('open') }),
    response: pageOfSchema(helpRequestSchema),
    handler: async ({ request, query }) => {
      const caller = await requireCaller(request, auth);
      const now = deps.clock.now();
      return readPage(
        query,
        (before, limit) => listTeamHelpRequests(deps.db, { teamIds: [caller.team.id], status: query.status, memberId: caller.member.id, before, limit }),
        (r) => toHelpRequest(r, caller, now),
      );
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/help-requests/:id/claim',
    params: idParams,
    response: z.object({ request: helpRequestSchema }),
    handler: async ({ request, params }) => {
      const caller = await requireCaller(request, auth);
      await visibleRequest(caller, params.id);
      const now = deps.clock.now();
      const teamName = await teamNameForResidents(deps.db, caller.team);
      const { outcome, groupIds } = await deps.db.transaction(async (tx) => {
        const outcome = await claimHelpRequest(tx, {
          requestId: params.id,
          teamId: caller.team.id,
          member: caller.member,
          now,
          residentMessage: (_r, addressForm) => personalize({ kind: 'text', text: texts.group.claimedForResident(caller.member.displayName, teamName, params.id) }, addressForm),
        });
        // Claiming again (the same member) tells nobody anything new.
        const groupIds =
          outcome.kind === 'claimed' && outcome.outboxIds.length > 0
            ? await noteInGroup(tx, caller, `app-claim-${params.id}-${outcome.request.reopenedCount}`, apiTexts.claimedInGroup(caller.member.displayName, params.id))
            : [];
        return { outcome, groupIds };
      });
      switch (outcome.kind) {
        case 'claimed':
          // After the commit: the resident's message and the group's line go to the queue at once.
          await deps.handOver([...outcome.outboxIds, ...groupIds]);
          return { request: toHelpRequest(await visibleRequest(caller, params.id), caller, now) };
        case 'not-found':
          throw new ApiError('not-found', apiTexts.notFound);
        case 'other-team':
          throw new ApiError('forbidden', apiTexts.forbidden);
        case 'taken':
          throw new ApiError('conflict', apiTexts.requestTaken(outcome.by.displayName));
        case 'closed':
          throw new ApiError('conflict', apiTexts.requestClosed);
      }
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/help-requests/:id/close',
    params: idParams,
    body: z.object({ note: z.string().trim().max(500).optional() }),
    response: z.object({ request: helpRequestSchema }),
    handler: async ({ request, params, body }) => {
      const caller = await requireCaller(request, auth);
      await visibleRequest(caller, params.id);
      const now = deps.clock.now();
      const { outcome, groupIds } = await deps.db.transaction(async (tx) => {
        const outcome = await closeHelpRequest(tx, {
          requestId: params.id,
          teamId: caller.team.id,
          memberId: caller.member.id,
          note: body.note || null,
          now,
          question: (r, addressForm) => helpDoneQuestion(r.id, addressForm),
        });
        const groupIds =
          outcome.kind === 'closed' ? await noteInGroup(tx, caller, `app-close-${params.id}-${outcome.request.reopenedCount}`, apiTexts.closedInGroup(caller.member.displayName, params.id)) : [];
        return { outcome, groupIds };
      });
      switch (outcome.kind) {
        case 'closed':
          // After the commit: the resident's message and the group's line go to the queue at once.
          await deps.handOver([...outcome.outboxIds, ...groupIds]);
          return { request: toHelpRequest(await visibleRequest(caller, params.id), caller, now) };
        case 'not-found':
          throw new ApiError('not-found', apiTexts.notFound);
        case 'other-team':
          throw new ApiError('forbidden', apiTexts.forbidden);
        case 'already-closed':
          throw new ApiError('conflict', apiTexts.requestClosed);
      }
    },
  });
}
