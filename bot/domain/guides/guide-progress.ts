import type { DbOrTx } from '../../../db/client.ts';
import { endGuideRuns, moveGuideRunStep, replaceActiveGuideRun } from '../../../db/queries/guide-runs.ts';
import type { GuideRunRow } from '../../../db/queries/guide-runs.ts';
import type { Guide } from '../../guides/guide.ts';

/** About a day after the last step they saw, an unfinished guide gets one follow-up. */
export const followUpDelayMs = 24 * 3600_000;

const followUpDue = (now: Date) => new Date(now.getTime() + followUpDelayMs);

/**
 * Ends the resident's guide in progress and its pending follow-up; `reason` is recorded on the
 * follow-up (new topic, opted out, unfollowed, a home visit taking over…).
 */
export async function stopGuides(db: DbOrTx, params: { residentId: number; reason: string; now: Date }): Promise<void> {
  await endGuideRuns(db, { residentId: params.residentId, runId: null, status: 'stopped', reason: params.reason, now: params.now });
}

/** Starts a guide at its first step (or at the step that answers the question), ending any other guide in progress. */
export async function startGuide(db: DbOrTx, params: { residentId: number; guide: Guide; now: Date; step?: number }): Promise<GuideRunRow> {
  return replaceActiveGuideRun(db, {
    residentId: params.residentId,
    guideId: params.guide.id,
    guideVersion: params.guide.version,
    step: params.step ?? 0,
    now: params.now,
    followUpDueAt: followUpDue(params.now),
    reason: 'new-topic',
  });
}

export type Advance = { kind: 'step'; step: number } | { kind: 'finished' };

/** Moves to the next step, or finishes the guide after its last step. */
export async function advanceGuide(db: DbOrTx, params: { run: GuideRunRow; guide: Guide; now: Date }): Promise<Advance> {
  const next = params.run.step + 1;
  if (next >= params.guide.steps.length) {
    await completeGuide(db, { run: params.run, now: params.now });
    return { kind: 'finished' };
  }
  // The follow-up is about a day after the resident last moved forward, not after the start.
  await moveGuideRunStep(db, { runId: params.run.id, residentId: params.run.residentId, step: next, now: params.now, followUpDueAt: followUpDue(params.now) });
  return { kind: 'step', step: next };
}

/** The resident finished (or says so): no follow-up is needed any more. */
export async function completeGuide(db: DbOrTx, params: { run: GuideRunRow; now: Date }): Promise<void> {
  await endGuideRuns(db, { residentId: params.run.residentId, runId: params.run.id, status: 'completed', reason: 'completed', now: params.now });
}
