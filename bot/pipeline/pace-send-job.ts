import { DelayedError } from 'bullmq';
import type { Db } from '../../db/client.ts';
import type { JobPayload } from '../jobs/job-contracts.ts';
import type { OaDirectory } from '../oas/oa-directory.ts';
import type { SendJob } from './send-job.ts';
import type { SendSlots } from './send-slots.ts';
import { routeSends } from './send-routes.ts';
import type { RouteOptions } from './send-routes.ts';

export type SendPacingDeps = { db: Db; slots: SendSlots; directory: OaDirectory; routes: RouteOptions };

/** Waits up to this long inside the job; longer, the job waits in the delayed set and frees its worker slot. */
export const inPlaceWaitMs = 250;
/** A slot held from an earlier wait is used if the job runs within this long after it. */
const heldSlotValidMs = 10_000;

/**
 * Before a send job calls Zalo: reserves its messages in its OA's `sent` ledger (send-slots.ts) and
 * waits for them. A job handed over by the planner comes due at its slot and finds them free; one
 * that comes late, with others, is spaced here instead of going out in a burst. A long wait moves
 * the job to the delayed set until its slots come, with the time recorded in the job, so when it
 * runs again it sends at once instead of queueing twice. Rows no OA sends (zca-js groups, handed to
 * their own process) are not paced here. Returns the job's OA.
 */
export async function paceSendJob(deps: SendPacingDeps, data: JobPayload<'send-outbound'>, count: number, ctx: SendJob): Promise<string | null> {
  const oaId = data.oaId ?? (await oaOfRow(deps, data.outboundMessageId));
  if (!oaId) return null;
  const now = Date.now();
  if (data.slotAt !== undefined && data.slotAt - now <= 50 && now - data.slotAt < heldSlotValidMs) return oaId;
  const wait = await deps.slots.reserve(oaId, await rateOf(deps, oaId), count);
  if (wait <= inPlaceWaitMs) {
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return oaId;
  }
  const slotAt = Date.now() + wait;
  await ctx.job.updateData({ ...data, slotAt });
  await ctx.job.moveToDelayed(slotAt, ctx.token);
  throw new DelayedError(`waiting ${wait} ms for OA ${oaId}'s send rate`);
}

/** Zalo said "too many" for this OA: shut its schedule, then wait for a new slot for the row tried again. */
export async function throttleOa(deps: SendPacingDeps, oaId: string | null, ms: number): Promise<void> {
  if (!oaId) return new Promise((resolve) => setTimeout(resolve, ms));
  await deps.slots.shut(oaId, ms);
  const wait = await deps.slots.reserve(oaId, await rateOf(deps, oaId), 1);
  await new Promise((resolve) => setTimeout(resolve, wait));
}

/** The OA a job not planned at hand-over is paced on (send-routes.ts); null when none sends it. */
export async function oaOfRow(deps: Pick<SendPacingDeps, 'db' | 'routes'>, outboundMessageId: number): Promise<string | null> {
  return (await routeSends(deps.db, [outboundMessageId], deps.routes)).get(outboundMessageId)?.oaId ?? null;
}

/** The OA's send rate (messages/s) from its row, else the deployment's default. */
export async function rateOf(deps: Pick<SendPacingDeps, 'directory' | 'routes'>, oaId: string): Promise<number> {
  return (await deps.directory.find(oaId))?.sendRatePerSec ?? deps.routes.defaultRatePerSec;
}
