import type { Tx } from '../../../db/client.ts';
import { lockHelpRequest, updateHelpRequest } from '../../../db/queries/help-requests.ts';
import type { HelpRequestRow } from '../../../db/queries/help-requests.ts';
import { notifyResidentOfRequest } from './notify-resident.ts';
import type { ResidentMessage } from './notify-resident.ts';

export type CloseOutcome =
  | { kind: 'closed'; request: HelpRequestRow; outboxIds: number[] }
  | { kind: 'already-closed'; request: HelpRequestRow }
  | { kind: 'other-team'; request: HelpRequestRow }
  | { kind: 'not-found' };

/**
 * Marks a request done and asks the resident whether they really were helped (unless they have
 * opted out or deleted their data). Locked, so two people closing at once close it once.
 */
export async function closeHelpRequest(
  tx: Tx,
  params: {
    requestId: number;
    /** When given, only this team (the one the request is assigned to) may close it. */
    teamId?: number;
    memberId: number | null;
    note: string | null;
    now: Date;
    question: ResidentMessage;
  },
): Promise<CloseOutcome> {
  const request = await lockHelpRequest(tx, params.requestId);
  if (!request) return { kind: 'not-found' };
  if (params.teamId !== undefined && request.teamId !== params.teamId) return { kind: 'other-team', request };
  if (request.status === 'done' || request.status === 'cancelled') return { kind: 'already-closed', request };
  await updateHelpRequest(tx, params.requestId, {
    status: 'done',
    closedAt: params.now,
    closeNote: params.note,
    claimedByMemberId: request.claimedByMemberId ?? params.memberId,
  });
  const closed = { ...request, status: 'done' as const, closedAt: params.now };
  const outboxIds = await notifyResidentOfRequest(tx, closed, 'done', params.question);
  return { kind: 'closed', request: closed, outboxIds };
}
