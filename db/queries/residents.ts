import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { residents } from '../schema/index.ts';

export type ResidentRow = typeof residents.$inferSelect;

/**
 * Finds or creates the resident behind an OA-scoped user id and records the time of this
 * interaction (it opens Zalo's 48 h / 7-day reply windows). Stores nothing but the id.
 */
export async function upsertResidentInteraction(
  db: DbOrTx,
  params: { oaId: string; zaloUserId: string; at: Date },
): Promise<ResidentRow> {
  const [row] = await db
    .insert(residents)
    .values({ oaId: params.oaId, zaloUserId: params.zaloUserId, lastInteractionAt: params.at })
    .onConflictDoUpdate({
      target: [residents.oaId, residents.zaloUserId],
      // Events can arrive out of order: keep the latest interaction time.
      set: { lastInteractionAt: sql`greatest(${residents.lastInteractionAt}, excluded.last_interaction_at)` },
    })
    .returning();
  if (!row) throw new Error('upsert returned no resident');
  return row;
}

export async function getResident(db: DbOrTx, id: number): Promise<ResidentRow> {
  const [row] = await db.select().from(residents).where(eq(residents.id, id));
  if (!row) throw new Error(`resident ${id} not found`);
  return row;
}

export async function setResidentOptedOut(db: DbOrTx, params: { id: number; optedOut: boolean; at: Date }): Promise<void> {
  await db
    .update(residents)
    .set({ optedOut: params.optedOut, optedOutAt: params.optedOut ? params.at : null })
    .where(eq(residents.id, params.id));
}

/** Stores details the resident gave with consent; undefined fields are left as they are. */
export async function updateResidentDetails(
  db: DbOrTx,
  params: { id: number; displayName?: string | null; villageId?: number | null; phone?: string | null; addressForm?: string | null },
): Promise<void> {
  const { id, ...fields } = params;
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (Object.keys(set).length === 0) return;
  await db.update(residents).set(set).where(eq(residents.id, id));
}

export async function deleteResident(db: DbOrTx, id: number): Promise<void> {
  await db.delete(residents).where(eq(residents.id, id));
}
