import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { conversationStates } from '../schema/index.ts';

export type ConversationStateRow = typeof conversationStates.$inferSelect;

export async function findConversationState(db: DbOrTx, residentId: number): Promise<ConversationStateRow | null> {
  const [row] = await db.select().from(conversationStates).where(eq(conversationStates.residentId, residentId));
  return row ?? null;
}

export async function upsertConversationState(db: DbOrTx, row: ConversationStateRow): Promise<void> {
  const { residentId: _key, ...rest } = row;
  await db.insert(conversationStates).values(row).onConflictDoUpdate({ target: conversationStates.residentId, set: rest });
}

export async function deleteConversationState(db: DbOrTx, residentId: number): Promise<void> {
  await db.delete(conversationStates).where(eq(conversationStates.residentId, residentId));
}
