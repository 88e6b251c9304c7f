import type { DbOrTx } from '../../../db/client.ts';
import { insertHelpRequest } from '../../../db/queries/help-requests.ts';
import type { HelpRequestRow } from '../../../db/queries/help-requests.ts';
import { findTeamOfUnit } from '../../../db/queries/teams.ts';
import type { TeamRow } from '../../../db/queries/teams.ts';
import type { OutboundContent } from '../outbox/outbound-content.ts';
import { queueTeamMessage } from '../outbox/queue-team-message.ts';

export const defaultDueMs = 3 * 24 * 3600_000;

export class NoTeamError extends Error {
  override name = 'NoTeamError';
}

export type OpenHelpRequestInput = {
  kind: HelpRequestRow['kind'];
  residentId: number;
  /** The OA the resident asked through (their commune's). */
  oaId: string;
  communeId: number;
  villageId: number | null;
  topic: string | null;
  note: string | null;
  preferredTime: string | null;
  now: Date;
  dueInMs?: number;
  /** The announcement for the team's group, written by the conversation layer. */
  teamMessage: (request: HelpRequestRow, team: TeamRow) => OutboundContent;
};

/**
 * Creates a numbered request, assigns it to a team that will hear of it — a home visit to the
 * village's team, a question to the commune staff — and posts it to that team's group. A team
 * without a linked Zalo group never gets a request: it falls to the commune team, then to the
 * leaders' group. The caller tells the resident who that is (`team.kind`).
 * @throws NoTeamError when no team of the commune has a linked group.
 */
export async function openHelpRequest(db: DbOrTx, input: OpenHelpRequestInput): Promise<{ request: HelpRequestRow; team: TeamRow; outboxIds: number[] }> {
  const team = await assignTeam(db, input);
  if (!team) throw new NoTeamError(`no team for commune ${input.communeId}`);
  const request = await insertHelpRequest(db, {
    kind: input.kind,
    residentId: input.residentId,
    oaId: input.oaId,
    communeId: input.communeId,
    villageId: input.villageId,
    teamId: team.id,
    topic: input.topic,
    note: input.note,
    preferredTime: input.preferredTime,
    createdAt: input.now,
    dueAt: new Date(input.now.getTime() + (input.dueInMs ?? defaultDueMs)),
  });
  const outboxIds = await queueTeamMessage(db, { cause: `help-request-${request.id}-opened`, teamId: team.id, contents: [input.teamMessage(request, team)] });
  return { request, team, outboxIds };
}

async function assignTeam(db: DbOrTx, input: OpenHelpRequestInput): Promise<TeamRow | null> {
  const village = input.kind === 'home_visit' && input.villageId !== null ? { unitId: input.villageId, kind: 'village' as const } : null;
  const order = [
    ...(village ? [village] : []),
    ...(input.kind === 'question' ? [{ unitId: input.communeId, kind: 'commune_leaders' as const }] : []),
    { unitId: input.communeId, kind: 'commune' as const },
    { unitId: input.communeId, kind: 'commune_leaders' as const },
  ];
  for (const candidate of order) {
    const team = await findTeamOfUnit(db, candidate);
    if (team?.zaloGroupId) return team;
  }
  return null;
}
