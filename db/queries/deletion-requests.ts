import type { DbOrTx } from '../client.ts';
import { deletionRequests } from '../schema/index.ts';

export async function insertDeletionRequest(db: DbOrTx, params: { requestedAt: Date; completedAt: Date }): Promise<void> {
  await db.insert(deletionRequests).values(params);
}
