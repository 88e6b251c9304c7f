import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { consents } from '../schema/index.ts';

export type ConsentRow = typeof consents.$inferSelect;

export async function insertConsent(db: DbOrTx, row: typeof consents.$inferInsert): Promise<ConsentRow> {
  const [inserted] = await db.insert(consents).values(row).returning();
  if (!inserted) throw new Error('consent insert returned nothing');
  return inserted;
}

/** The resident's most recent decision for a purpose, or null if never asked. */
export async function findLatestConsent(db: DbOrTx, params: { residentId: number; purpose: string }): Promise<ConsentRow | null> {
  const [row] = await db
    .select()
    .from(consents)
    .where(and(eq(consents.residentId, params.residentId), eq(consents.purpose, params.purpose)))
    .orderBy(desc(consents.recordedAt), desc(consents.id))
    .limit(1);
  return row ?? null;
}
