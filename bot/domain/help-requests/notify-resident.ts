import type { DbOrTx } from '../../../db/client.ts';
import type { HelpRequestRow } from '../../../db/queries/help-requests.ts';
import { getResident } from '../../../db/queries/residents.ts';
import type { OutboundContent } from '../outbox/outbound-content.ts';
import { queueReplies } from '../outbox/queue-replies.ts';

/** Writes a message about a request for its resident, addressed the way that resident is addressed. */
export type ResidentMessage = (request: HelpRequestRow, addressForm: string | null) => OutboundContent;

/**
 * Tells the resident behind a request something about it — unless they deleted their data (the
 * request is anonymous now) or opted out of our messages. Returns the outbox ids written.
 */
export async function notifyResidentOfRequest(db: DbOrTx, request: HelpRequestRow, event: string, message: ResidentMessage): Promise<number[]> {
  if (request.residentId === null) return [];
  const resident = await getResident(db, request.residentId);
  if (resident.optedOut) return [];
  return queueReplies(db, {
    cause: `help-request-${request.id}-${event}-${request.reopenedCount}`,
    oaId: resident.oaId,
    recipientUserId: resident.zaloUserId,
    residentId: resident.id,
    inboundEventId: null,
    contents: [message(request, resident.addressForm)],
  });
}
