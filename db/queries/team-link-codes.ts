import { eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../client.ts';
import { teamLinkCodes } from '../schema/index.ts';

export type TeamLinkCodeRow = typeof teamLinkCodes.$inferSelect;

export async function insertTeamLinkCode(db: DbOrTx, row: typeof teamLinkCodes.$inferInsert): Promise<void> {
  await db.insert(teamLinkCodes).values(row);
}

export async function lockTeamLinkCode(tx: Tx, code: string): Promise<TeamLinkCodeRow | null> {
  const [row] = await tx.select().from(teamLinkCodes).where(eq(teamLinkCodes.code, code)).for('update');
  return row ?? null;
}

export async function markTeamLinkCodeUsed(db: DbOrTx, params: { code: string; at: Date }): Promise<void> {
  await db.update(teamLinkCodes).set({ usedAt: params.at }).where(eq(teamLinkCodes.code, params.code));
}
