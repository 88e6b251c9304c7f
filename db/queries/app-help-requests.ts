import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../client.ts';
import { helpRequests, members, orgUnits, residents } from '../schema/index.ts';
import type { HelpRequestRow } from './help-requests.ts';
import { communeAndMerged } from './org-units.ts';

export type HelpRequestView = HelpRequestRow & { village: string | null; claimedByName: string | null; residentName: string | null; residentPhone: string | null };

const village = alias(orgUnits, 'village');

function viewQuery(db: DbOrTx) {
  return db
    .select({ request: helpRequests, village: village.name, claimedByName: members.displayName, residentName: residents.displayName, residentPhone: residents.phone })
    .from(helpRequests)
    .leftJoin(village, eq(village.id, helpRequests.villageId))
    .leftJoin(members, eq(members.id, helpRequests.claimedByMemberId))
    .leftJoin(residents, eq(residents.id, helpRequests.residentId));
}

type Row = { request: HelpRequestRow; village: string | null; claimedByName: string | null; residentName: string | null; residentPhone: string | null };
const flatten = (r: Row): HelpRequestView => ({ ...r.request, village: r.village, claimedByName: r.claimedByName, residentName: r.residentName, residentPhone: r.residentPhone });

/** A team's requests: waiting or taken, taken by one member, or closed; newest first, a page at a time. */
export async function listTeamHelpRequests(
  db: DbOrTx,
  p: { teamIds: number[]; status: 'open' | 'mine' | 'closed'; memberId: number; before: number | null; limit: number },
): Promise<HelpRequestView[]> {
  if (p.teamIds.length === 0) return [];
  const which =
    p.status === 'open'
      ? inArray(helpRequests.status, ['open', 'claimed'])
      : p.status === 'mine'
        ? and(eq(helpRequests.status, 'claimed'), eq(helpRequests.claimedByMemberId, p.memberId))
        : inArray(helpRequests.status, ['done', 'cancelled']);
  const rows = await viewQuery(db)
    .where(and(inArray(helpRequests.teamId, p.teamIds), which, p.before === null ? undefined : lt(helpRequests.id, p.before)))
    .orderBy(desc(helpRequests.id))
    .limit(p.limit);
  return rows.map(flatten);
}

export async function getHelpRequestView(db: DbOrTx, id: number): Promise<HelpRequestView | null> {
  const [row] = await viewQuery(db).where(eq(helpRequests.id, id));
  return row ? flatten(row) : null;
}

/** A commune's requests past their due time and still not done (the leaders' dashboard). */
export async function listOverdueRequestsOfCommune(db: DbOrTx, p: { communeId: number; now: Date; limit: number }): Promise<HelpRequestView[]> {
  const rows = await viewQuery(db)
    .where(and(sql`${helpRequests.communeId} in ${communeAndMerged(p.communeId)}`, inArray(helpRequests.status, ['open', 'claimed']), sql`${helpRequests.dueAt} < ${p.now.toISOString()}::timestamptz`))
    .orderBy(helpRequests.dueAt)
    .limit(p.limit);
  return rows.map(flatten);
}
