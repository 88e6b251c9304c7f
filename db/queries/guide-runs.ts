import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { guideRuns } from '../schema/index.ts';
import { prepared } from '../prepared-statements.ts';

export type GuideRunRow = typeof guideRuns.$inferSelect;

export async function findActiveGuideRun(db: DbOrTx, residentId: number): Promise<GuideRunRow | null> {
  const [row] = await db.select().from(guideRuns).where(and(eq(guideRuns.residentId, residentId), eq(guideRuns.status, 'active')));
  return row ?? null;
}

export async function findGuideRun(db: DbOrTx, id: number): Promise<GuideRunRow | null> {
  const [row] = await db.select().from(guideRuns).where(eq(guideRuns.id, id));
  return row ?? null;
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

/*
 * A guide run and its follow-up change together. Each function below is one statement (its parts
 * are CTEs), so a turn pays one round trip for what used to be two to four.
 */

/**
 * Starts a guide: stops the run in progress and cancels its pending follow-up (`reason`), inserts
 * the new run at `step` and schedules its follow-up at `followUpDueAt`. The insert reads the stop's
 * result, which makes Postgres stop the old run first: only one run may be active.
 */
export async function replaceActiveGuideRun(
  db: DbOrTx,
  p: { residentId: number; guideId: string; guideVersion: number; step: number; now: Date; followUpDueAt: Date; reason: string },
): Promise<GuideRunRow> {
  const result = await db.execute<{ id: number; oa_id: unknown }>(prepared(sql`
    with stopped as (
      update guide_runs set status = 'stopped', finished_at = ${p.now}, updated_at = ${p.now}
      where resident_id = ${p.residentId} and status = 'active' returning id
    ), cancelled as (
      update follow_ups set status = 'cancelled', reason = ${p.reason}, processed_at = ${p.now}
      where resident_id = ${p.residentId} and status = 'pending' returning id
    ), run as (
      insert into guide_runs (resident_id, oa_id, guide_id, guide_version, step, started_at, updated_at)
      select ${p.residentId}::int, (select oa_id from residents where id = ${p.residentId}), ${p.guideId}::text, ${p.guideVersion}::int, ${p.step}::int, ${p.now}::timestamptz, ${p.now}::timestamptz
      from (select count(*) from stopped) as stop_first
      returning id, oa_id
    ), follow_up as (
      insert into follow_ups (resident_id, guide_run_id, due_at, created_at)
      select ${p.residentId}::int, run.id, ${p.followUpDueAt}::timestamptz, ${p.now}::timestamptz from run
    )
    select id, oa_id from run`));
  const id = Number(result.rows[0]?.id);
  if (!Number.isInteger(id)) throw new Error('guide run insert returned nothing');
  const oaId = result.rows[0]?.oa_id;
  return { id, residentId: p.residentId, oaId: typeof oaId === 'string' ? oaId : null, guideId: p.guideId, guideVersion: p.guideVersion, step: p.step, status: 'active', startedAt: p.now, updatedAt: p.now, finishedAt: null };
}

/** Moves a run to `step` and its pending follow-up to `followUpDueAt` (scheduling one if there is none). */
export async function moveGuideRunStep(db: DbOrTx, p: { runId: number; residentId: number; step: number; now: Date; followUpDueAt: Date }): Promise<void> {
  await db.execute(prepared(sql`
    with moved as (
      update guide_runs set step = ${p.step}, updated_at = ${p.now} where id = ${p.runId} returning id
    )
    insert into follow_ups (resident_id, guide_run_id, due_at, created_at)
    values (${p.residentId}, ${p.runId}, ${p.followUpDueAt}, ${p.now})
    on conflict (guide_run_id) do update set due_at = excluded.due_at where follow_ups.status = 'pending'`));
}

/**
 * Ends the resident's runs: the one given (`runId`, only while active) or any active one, with
 * `status`, and cancels their pending follow-ups with `reason`.
 */
export async function endGuideRuns(db: DbOrTx, p: { residentId: number; runId: number | null; status: 'completed' | 'stopped'; reason: string; now: Date }): Promise<void> {
  const which = p.runId === null ? sql`true` : sql`id = ${p.runId}`;
  await db.execute(prepared(sql`
    with ended as (
      update guide_runs set status = ${p.status}, finished_at = ${p.now}, updated_at = ${p.now}
      where resident_id = ${p.residentId} and status = 'active' and ${which} returning id
    )
    update follow_ups set status = 'cancelled', reason = ${p.reason}, processed_at = ${p.now}
    where resident_id = ${p.residentId} and status = 'pending'`));
}
