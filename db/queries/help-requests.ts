import { and, asc, desc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../client.ts';
import { helpRequests } from '../schema/index.ts';

export type HelpRequestRow = typeof helpRequests.$inferSelect;

export async function insertHelpRequest(db: DbOrTx, row: typeof helpRequests.$inferInsert): Promise<HelpRequestRow> {
  const [inserted] = await db.insert(helpRequests).values(row).returning();
  if (!inserted) throw new Error('help request insert returned nothing');
  return inserted;
}

export async function lockHelpRequest(tx: Tx, id: number): Promise<HelpRequestRow | null> {
  const [row] = await tx.select().from(helpRequests).where(eq(helpRequests.id, id)).for('update');
  return row ?? null;
}

export async function updateHelpRequest(db: DbOrTx, id: number, set: Partial<typeof helpRequests.$inferInsert>): Promise<void> {
  await db.update(helpRequests).set(set).where(eq(helpRequests.id, id));
}

/** A team's requests still waiting for someone, oldest first. */
export async function listOpenHelpRequestsOfTeam(db: DbOrTx, teamId: number): Promise<HelpRequestRow[]> {
  return db
    .select()
    .from(helpRequests)
    .where(and(eq(helpRequests.teamId, teamId), inArray(helpRequests.status, ['open', 'claimed'])))
    .orderBy(asc(helpRequests.createdAt));
}

/** A resident's requests still waiting for a team, newest first. */
export async function listOpenHelpRequestsOfResident(db: DbOrTx, residentId: number): Promise<HelpRequestRow[]> {
  return db
    .select()
    .from(helpRequests)
    .where(and(eq(helpRequests.residentId, residentId), inArray(helpRequests.status, ['open', 'claimed'])))
    .orderBy(desc(helpRequests.createdAt));
}

/** The resident's latest request marked done by the team since `since` and not yet confirmed by them, or null. */
export async function findUnconfirmedDoneRequest(db: DbOrTx, params: { residentId: number; since: Date }): Promise<HelpRequestRow | null> {
  const [row] = await db
    .select()
    .from(helpRequests)
    .where(and(eq(helpRequests.residentId, params.residentId), eq(helpRequests.status, 'done'), isNull(helpRequests.residentConfirmedAt), gte(helpRequests.closedAt, params.since)))
    .orderBy(desc(helpRequests.closedAt))
    .limit(1);
  return row ?? null;
}

/** Keeps only anonymous facts of a resident's requests: the link and every free-text field go. */
export async function anonymizeHelpRequestsOfResident(db: DbOrTx, residentId: number): Promise<number> {
  const rows = await db
    .update(helpRequests)
    .set({ residentId: null, note: null, preferredTime: null, closeNote: null })
    .where(eq(helpRequests.residentId, residentId))
    .returning({ id: helpRequests.id });
  return rows.length;
}
