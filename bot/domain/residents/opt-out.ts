import type { DbOrTx } from '../../../db/client.ts';
import { deleteConversationState } from '../../../db/queries/conversation-states.ts';
import { setResidentOptedOut } from '../../../db/queries/residents.ts';
import { stopGuides } from '../guides/guide-progress.ts';

/** Honoured at once, before anything else: no follow-ups or reminders any more, guides stopped. */
export async function optOut(db: DbOrTx, params: { residentId: number; now: Date }): Promise<void> {
  await setResidentOptedOut(db, { id: params.residentId, optedOut: true, at: params.now });
  await stopGuides(db, { residentId: params.residentId, reason: 'opted-out', now: params.now });
  await deleteConversationState(db, params.residentId);
}

export async function optIn(db: DbOrTx, params: { residentId: number; now: Date }): Promise<void> {
  await setResidentOptedOut(db, { id: params.residentId, optedOut: false, at: params.now });
}
