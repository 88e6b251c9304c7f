import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { guideRuns } from '../schema/index.ts';

export type GuideRunRow = typeof guideRuns.$inferSelect;

export async function insertGuideRun(db: DbOrTx, row: typeof guideRuns.$inferInsert): Promise<GuideRunRow> {
  const [inserted] = await db.insert(guideRuns).values(row).returning();
  if (!inserted) throw new Error('guide run insert returned nothing');
  return inserted;
}

export async function findActiveGuideRun(db: DbOrTx, residentId: number): Promise<GuideRunRow | null> {
  const [row] = await db.select().from(guideRuns).where(and(eq(guideRuns.residentId, residentId), eq(guideRuns.status, 'active')));
  return row ?? null;
}

export async function findGuideRun(db: DbOrTx, id: number): Promise<GuideRunRow | null> {
  const [row] = await db.select().from(guideRuns).where(eq(guideRuns.id, id));
  return row ?? null;
}

export async function updateGuideRunStep(db: DbOrTx, params: { id: number; step: number; at: Date }): Promise<void> {
  await db.update(guideRuns).set({ step: params.step, updatedAt: params.at }).where(eq(guideRuns.id, params.id));
}

/** Ends a run that is still active; returns whether it was. */
export async function finishGuideRun(db: DbOrTx, params: { id: number; status: 'completed' | 'stopped'; at: Date }): Promise<boolean> {
  const rows = await db
    .update(guideRuns)
    .set({ status: params.status, finishedAt: params.at, updatedAt: params.at })
    .where(and(eq(guideRuns.id, params.id), eq(guideRuns.status, 'active')))
    .returning({ id: guideRuns.id });
  return rows.length > 0;
}

/** Stops whatever guide the resident had in progress (a new topic, opting out…). */
export async function stopActiveGuideRuns(db: DbOrTx, params: { residentId: number; at: Date }): Promise<number[]> {
  const rows = await db
    .update(guideRuns)
    .set({ status: 'stopped', finishedAt: params.at, updatedAt: params.at })
    .where(and(eq(guideRuns.residentId, params.residentId), eq(guideRuns.status, 'active')))
    .returning({ id: guideRuns.id });
  return rows.map((r) => r.id);
}
