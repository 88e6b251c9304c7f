import type { Tx } from '../../../db/client.ts';
import { lockHelpRequest, updateHelpRequest } from '../../../db/queries/help-requests.ts';
import type { HelpRequestRow } from '../../../db/queries/help-requests.ts';
import { getMember } from '../../../db/queries/members.ts';
import type { MemberRow } from '../../../db/queries/members.ts';
import { notifyResidentOfRequest } from './notify-resident.ts';
import type { ResidentMessage } from './notify-resident.ts';

export type ClaimOutcome =
  | { kind: 'claimed'; request: HelpRequestRow; outboxIds: number[] }
  | { kind: 'not-found' }
  | { kind: 'other-team'; request: HelpRequestRow }
  | { kind: 'taken'; request: HelpRequestRow; by: MemberRow }
  | { kind: 'closed'; request: HelpRequestRow };

/**
 * `/nhan N`: a member of the assigned team takes the request; the resident is told who will come.
 * Members of other teams are refused; a request already taken names who has it.
 */
export async function claimHelpRequest(
  tx: Tx,
  params: { requestId: number; teamId: number; member: MemberRow; now: Date; residentMessage: ResidentMessage },
): Promise<ClaimOutcome> {
  const request = await lockHelpRequest(tx, params.requestId);
  if (!request) return { kind: 'not-found' };
  if (request.teamId !== params.teamId) return { kind: 'other-team', request };
  if (request.status === 'done' || request.status === 'cancelled') return { kind: 'closed', request };
  if (request.status === 'claimed' && request.claimedByMemberId && request.claimedByMemberId !== params.member.id) {
    return { kind: 'taken', request, by: await getMember(tx, request.claimedByMemberId) };
  }
  await updateHelpRequest(tx, request.id, { status: 'claimed', claimedByMemberId: params.member.id, claimedAt: params.now });
  const claimed = { ...request, status: 'claimed' as const, claimedByMemberId: params.member.id, claimedAt: params.now };
  // Claiming again (the same member) tells the resident nothing new.
  if (request.status === 'claimed') return { kind: 'claimed', request: claimed, outboxIds: [] };
  const outboxIds = await notifyResidentOfRequest(tx, claimed, 'claimed', params.residentMessage);
  return { kind: 'claimed', request: claimed, outboxIds };
}
