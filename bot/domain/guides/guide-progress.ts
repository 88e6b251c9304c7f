import type { DbOrTx } from '../../../db/client.ts';
import { cancelPendingFollowUps, upsertPendingFollowUp } from '../../../db/queries/follow-ups.ts';
import { finishGuideRun, insertGuideRun, stopActiveGuideRuns, updateGuideRunStep } from '../../../db/queries/guide-runs.ts';
import type { GuideRunRow } from '../../../db/queries/guide-runs.ts';
import type { Guide } from '../../guides/guide.ts';

/** About a day after the last step they saw, an unfinished guide gets one follow-up. */
export const followUpDelayMs = 24 * 3600_000;

/**
 * Ends the resident's guide in progress and its pending follow-up; `reason` is recorded on the
 * follow-up (new topic, opted out, unfollowed, a home visit taking over…).
 */
export async function stopGuides(db: DbOrTx, params: { residentId: number; reason: string; now: Date }): Promise<void> {
  await stopActiveGuideRuns(db, { residentId: params.residentId, at: params.now });
  await cancelPendingFollowUps(db, { residentId: params.residentId, reason: params.reason, at: params.now });
}

/** Starts a guide at its first step (or at the step that answers the question), ending any other guide in progress. */
export async function startGuide(db: DbOrTx, params: { residentId: number; guide: Guide; now: Date; step?: number }): Promise<GuideRunRow> {
  await stopGuides(db, { residentId: params.residentId, reason: 'new-topic', now: params.now });
  const run = await insertGuideRun(db, {
    residentId: params.residentId,
    guideId: params.guide.id,
    guideVersion: params.guide.version,
    step: params.step ?? 0,
    startedAt: params.now,
    updatedAt: params.now,
  });
  await upsertPendingFollowUp(db, { residentId: params.residentId, guideRunId: run.id, dueAt: new Date(params.now.getTime() + followUpDelayMs), now: params.now });
  return run;
}

export type Advance = { kind: 'step'; step: number } | { kind: 'finished' };

/** Moves to the next step, or finishes the guide after its last step. */
export async function advanceGuide(db: DbOrTx, params: { run: GuideRunRow; guide: Guide; now: Date }): Promise<Advance> {
  const next = params.run.step + 1;
  if (next >= params.guide.steps.length) {
    await completeGuide(db, { run: params.run, now: params.now });
    return { kind: 'finished' };
  }
  await updateGuideRunStep(db, { id: params.run.id, step: next, at: params.now });
  // The follow-up is about a day after the resident last moved forward, not after the start.
  await upsertPendingFollowUp(db, { residentId: params.run.residentId, guideRunId: params.run.id, dueAt: new Date(params.now.getTime() + followUpDelayMs), now: params.now });
  return { kind: 'step', step: next };
}

/** The resident finished (or says so): no follow-up is needed any more. */
export async function completeGuide(db: DbOrTx, params: { run: GuideRunRow; now: Date }): Promise<void> {
  await finishGuideRun(db, { id: params.run.id, status: 'completed', at: params.now });
  await cancelPendingFollowUps(db, { residentId: params.run.residentId, reason: 'completed', at: params.now });
}
