import { and, eq, sql } from 'drizzle-orm';
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

export async function findResidentByZaloId(db: DbOrTx, params: { oaId: string; zaloUserId: string }): Promise<ResidentRow | null> {
  const [row] = await db
    .select()
    .from(residents)
    .where(and(eq(residents.oaId, params.oaId), eq(residents.zaloUserId, params.zaloUserId)));
  return row ?? null;
}
