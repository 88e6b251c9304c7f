import type { Tx } from '../../../db/client.ts';
import { lockHelpRequest, updateHelpRequest } from '../../../db/queries/help-requests.ts';
import type { HelpRequestRow } from '../../../db/queries/help-requests.ts';
import type { OutboundContent } from '../outbox/outbound-content.ts';
import { queueTeamMessage } from '../outbox/queue-team-message.ts';

export type ConfirmationOutcome =
  | { kind: 'confirmed'; request: HelpRequestRow }
  | { kind: 'reopened'; request: HelpRequestRow; outboxIds: number[] }
  | { kind: 'not-applicable' };

/**
 * The resident's answer to "đã được hỗ trợ xong chưa?": yes is recorded; no reopens the request and
 * tells the team. Only the resident the request belongs to, and only while it is marked done.
 */
export async function answerHelpConfirmation(
  tx: Tx,
  params: { requestId: number; residentId: number; solved: boolean; now: Date; teamMessage: (request: HelpRequestRow) => OutboundContent },
): Promise<ConfirmationOutcome> {
  const request = await lockHelpRequest(tx, params.requestId);
  if (!request || request.residentId !== params.residentId || request.status !== 'done' || request.residentConfirmedAt) {
    return { kind: 'not-applicable' };
  }
  if (params.solved) {
    await updateHelpRequest(tx, request.id, { residentConfirmedAt: params.now });
    return { kind: 'confirmed', request };
  }
  const reopened = { ...request, status: 'open' as const, closedAt: null, claimedByMemberId: null, claimedAt: null, reopenedCount: request.reopenedCount + 1 };
  await updateHelpRequest(tx, request.id, { status: 'open', closedAt: null, claimedByMemberId: null, claimedAt: null, reopenedCount: reopened.reopenedCount });
  const outboxIds = await queueTeamMessage(tx, {
    cause: `help-request-${request.id}-reopened-${reopened.reopenedCount}`,
    teamId: request.teamId,
    contents: [params.teamMessage(reopened)],
  });
  return { kind: 'reopened', request: reopened, outboxIds };
}
