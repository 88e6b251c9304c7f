import type { DbOrTx } from '../../../db/client.ts';
import { updateResidentDetails } from '../../../db/queries/residents.ts';

/** What a resident told us about themselves (only with their consent for the name, phone and village). */
export type ResidentDetails = { displayName?: string | null; villageId?: number | null; phone?: string | null; addressForm?: string | null };

/** Keeps what the resident shared; a name longer than Zalo shows is cut. */
export async function recordResidentDetails(db: DbOrTx, residentId: number, details: ResidentDetails): Promise<void> {
  const displayName = details.displayName?.slice(0, 100);
  await updateResidentDetails(db, { id: residentId, ...details, ...(displayName !== undefined ? { displayName } : {}) });
}
