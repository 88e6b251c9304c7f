import type { Tx } from '../../../db/client.ts';
import { lockHelpRequest, updateHelpRequest } from '../../../db/queries/help-requests.ts';
import type { HelpRequestRow } from '../../../db/queries/help-requests.ts';
import type { OutboundContent } from '../outbox/outbound-content.ts';
import { queueTeamMessage } from '../outbox/queue-team-message.ts';

export type CancelOutcome = { kind: 'cancelled'; request: HelpRequestRow; outboxIds: number[] } | { kind: 'not-applicable' };

/**
 * The resident withdraws their own request (after confirming): it is cancelled and the team's
 * group is told, so nobody goes out for nothing. Only while it is still open or claimed.
 */
export async function cancelHelpRequest(
  tx: Tx,
  params: { requestId: number; residentId: number; now: Date; teamMessage: (request: HelpRequestRow) => OutboundContent },
): Promise<CancelOutcome> {
  const request = await lockHelpRequest(tx, params.requestId);
  if (!request || request.residentId !== params.residentId || (request.status !== 'open' && request.status !== 'claimed')) return { kind: 'not-applicable' };
  await updateHelpRequest(tx, request.id, { status: 'cancelled', closedAt: params.now });
  const cancelled = { ...request, status: 'cancelled' as const, closedAt: params.now };
  const outboxIds = await queueTeamMessage(tx, { cause: `help-request-${request.id}-cancelled`, teamId: request.teamId, contents: [params.teamMessage(cancelled)] });
  return { kind: 'cancelled', request: cancelled, outboxIds };
}
