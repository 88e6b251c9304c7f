import type { DbOrTx } from '../../db/client.ts';
import { routeSends } from './send-routes.ts';
import type { RouteOptions } from './send-routes.ts';
import type { SendSlots } from './send-slots.ts';

/**
 * One send job as handed over: its rows in order, the OA that sends them, and when it comes due.
 * `slotAt`: the job's send slots are reserved already, for that time (epoch ms).
 */
export type PlannedSend = { ids: number[]; oaId: string | null; delayMs: number; slotAt?: number };
export type SendPlanner = (jobs: number[][]) => Promise<PlannedSend[]>;

/**
 * Spaces send jobs at their OA's rate when they are handed over: each job is queued delayed until
 * its own slot, so a backlog of 50,000 messages waits in BullMQ's delayed set, ordered by time, and
 * the wait list only ever holds jobs that are due. Without this, every job of a backlog reaches a
 * worker at once, is parked until its slot, and comes back behind the rest of the backlog, late.
 * The send step still checks each OA's `sent` ledger (pace-send-job.ts), so jobs that come due
 * late, together, do not go out in a burst. One query for the batch, one Redis call per OA in it.
 */
export function createSendPlanner(deps: { db: DbOrTx; slots: SendSlots; routes: RouteOptions }): SendPlanner {
  return async (jobs) => {
    const routes = await routeSends(deps.db, jobs.map((ids) => ids[0] ?? 0), deps.routes);
    const planned: PlannedSend[] = jobs.map((ids) => ({ ids, oaId: routes.get(ids[0] ?? 0)?.oaId ?? null, delayMs: 0 }));
    const byOa = new Map<string, { ratePerSec: number; sends: PlannedSend[] }>();
    for (const send of planned) {
      const route = routes.get(send.ids[0] ?? 0);
      if (!route) continue;
      const group = byOa.get(route.oaId) ?? { ratePerSec: route.ratePerSec, sends: [] };
      group.sends.push(send);
      byOa.set(route.oaId, group);
    }
    await Promise.all(
      [...byOa].map(async ([oaId, group]) => {
        const waits = await deps.slots.reserveEach(oaId, group.ratePerSec, group.sends.map((s) => s.ids.length));
        group.sends.forEach((send, i) => (send.delayMs = waits[i] ?? 0));
      }),
    );
    return planned;
  };
}
