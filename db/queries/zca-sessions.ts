import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { zcaSessions } from '../schema/index.ts';

export type ZcaSessionRow = typeof zcaSessions.$inferSelect;

export async function findZcaSession(db: DbOrTx, accountKey: string): Promise<ZcaSessionRow | null> {
  const [row] = await db.select().from(zcaSessions).where(eq(zcaSessions.accountKey, accountKey));
  return row ?? null;
}

export async function upsertZcaSession(db: DbOrTx, row: Omit<ZcaSessionRow, 'lastError'>): Promise<void> {
  await db
    .insert(zcaSessions)
    .values({ ...row, lastError: null })
    .onConflictDoUpdate({ target: zcaSessions.accountKey, set: { ...row, lastError: null } });
}

export async function setZcaSessionStatus(db: DbOrTx, params: { accountKey: string; status: ZcaSessionRow['status']; error: string | null; at: Date }): Promise<void> {
  await db
    .update(zcaSessions)
    .set({ status: params.status, lastError: params.error, updatedAt: params.at })
    .where(eq(zcaSessions.accountKey, params.accountKey));
}
