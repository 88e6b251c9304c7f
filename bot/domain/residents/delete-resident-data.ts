import type { DbOrTx } from '../../../db/client.ts';
import { insertDeletionRequest } from '../../../db/queries/deletion-requests.ts';
import { anonymizeHelpRequestsOfResident } from '../../../db/queries/help-requests.ts';
import { scrubInboundEventsOfSender } from '../../../db/queries/inbound-events.ts';
import { scrubOutboundToRecipient } from '../../../db/queries/outbound-messages.ts';
import { deleteResident } from '../../../db/queries/residents.ts';

/**
 * Removes a resident's personal data: the resident row with its consents, guide runs, follow-ups and
 * conversation state (cascade); what they wrote and what we wrote to them; the free text of their
 * help requests, which stay only as anonymous counts. An anonymous log row records that it was done.
 */
export async function deleteResidentData(db: DbOrTx, params: { residentId: number; zaloUserId: string; requestedAt: Date; now: Date }): Promise<void> {
  await anonymizeHelpRequestsOfResident(db, params.residentId);
  await scrubInboundEventsOfSender(db, params.zaloUserId);
  await scrubOutboundToRecipient(db, { recipientId: params.zaloUserId, now: params.now });
  await deleteResident(db, params.residentId);
  await insertDeletionRequest(db, { requestedAt: params.requestedAt, completedAt: params.now });
}
