import type { Tx } from '../../../db/client.ts';
import { insertDeletionRequest } from '../../../db/queries/deletion-requests.ts';
import { anonymizeHelpRequestsOfResident, listOpenHelpRequestsOfResident } from '../../../db/queries/help-requests.ts';
import type { HelpRequestRow } from '../../../db/queries/help-requests.ts';
import { scrubInboundEventsOfSender } from '../../../db/queries/inbound-events.ts';
import { scrubOutboundToRecipient } from '../../../db/queries/outbound-messages.ts';
import { deleteResident } from '../../../db/queries/residents.ts';
import { cancelHelpRequest } from '../help-requests/cancel-help-request.ts';
import type { OutboundContent } from '../outbox/outbound-content.ts';

/**
 * Removes a resident's personal data: the resident row with its consents, guide runs, follow-ups and
 * conversation state (cascade); what they wrote and what we wrote to them; the free text of their
 * help requests, which stay only as anonymous counts. A request still open is withdrawn first and
 * its team told, so nobody goes out to a house that asked to be forgotten. An anonymous log row
 * records that it was done. Returns the outbox ids of the messages to teams.
 */
export async function deleteResidentData(
  db: Tx,
  params: { residentId: number; oaId: string; zaloUserId: string; requestedAt: Date; now: Date; withdrawn: (request: HelpRequestRow) => OutboundContent },
): Promise<number[]> {
  const outboxIds: number[] = [];
  for (const open of await listOpenHelpRequestsOfResident(db, params.residentId)) {
    const outcome = await cancelHelpRequest(db, { requestId: open.id, residentId: params.residentId, now: params.now, teamMessage: params.withdrawn });
    if (outcome.kind === 'cancelled') outboxIds.push(...outcome.outboxIds);
  }
  await anonymizeHelpRequestsOfResident(db, params.residentId);
  await scrubInboundEventsOfSender(db, { oaId: params.oaId, senderId: params.zaloUserId });
  await scrubOutboundToRecipient(db, { oaId: params.oaId, recipientId: params.zaloUserId, now: params.now });
  await deleteResident(db, params.residentId);
  await insertDeletionRequest(db, { requestedAt: params.requestedAt, completedAt: params.now });
  return outboxIds;
}
