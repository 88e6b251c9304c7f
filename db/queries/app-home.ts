import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { helpRequests, targets } from '../schema/index.ts';

/** A unit's targets for a period ("2026-12"), by metric. */
export async function listUnitTargets(db: DbOrTx, p: { unitId: number; period: string }): Promise<{ metric: string; target: number }[]> {
  return db.select({ metric: targets.metric, target: targets.target }).from(targets).where(and(eq(targets.unitId, p.unitId), eq(targets.period, p.period)));
}

/** A team's requests still waiting or taken, and those taken by one member. */
export async function countTeamOpenRequests(db: DbOrTx, p: { teamId: number; memberId: number }): Promise<{ open: number; mine: number }> {
  const [row] = await db
    .select({
      open: sql<number>`count(*)::int`,
      mine: sql<number>`(count(*) filter (where ${helpRequests.claimedByMemberId} = ${p.memberId} and ${helpRequests.status} = 'claimed'))::int`,
    })
    .from(helpRequests)
    .where(and(eq(helpRequests.teamId, p.teamId), inArray(helpRequests.status, ['open', 'claimed'])));
  return { open: Number(row?.open ?? 0), mine: Number(row?.mine ?? 0) };
}
