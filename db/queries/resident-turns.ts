import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { conversationStates, guideRuns, helpRequests, orgUnits, residents } from '../schema/index.ts';
import type { ConversationStateRow } from './conversation-states.ts';
import type { GuideRunRow } from './guide-runs.ts';
import type { HelpRequestRow } from './help-requests.ts';
import type { OrgUnitRow } from './org-units.ts';
import type { ResidentRow } from './residents.ts';

/** What a resident's turn starts from, as Postgres had it before the turn wrote anything. */
export type ResidentTurnStart = {
  resident: ResidentRow;
  commune: OrgUnitRow | null;
  /** The unfinished exchange (form, confirmation), unchecked: it may have expired. */
  state: ConversationStateRow | null;
  run: GuideRunRow | null;
  /** The latest request a team closed since `doneSince` that the resident has not confirmed yet. */
  doneRequest: HelpRequestRow | null;
};

/**
 * One statement for the start of a resident's turn: finds or creates the resident behind the
 * OA-scoped id and records the interaction time (it opens Zalo's reply windows; events can arrive
 * out of order, so the latest time is kept), and reads the commune, the unfinished exchange, the
 * guide in progress and the request waiting for the resident's confirmation. The upsert also locks
 * the resident's row until the turn commits.
 */
export async function beginResidentTurn(tx: Tx, p: { oaId: string; zaloUserId: string; at: Date; communeCode: string; doneSince: Date }): Promise<ResidentTurnStart> {
  const resident = tx.$with('resident').as(
    tx
      .insert(residents)
      .values({ oaId: p.oaId, zaloUserId: p.zaloUserId, lastInteractionAt: p.at })
      .onConflictDoUpdate({
        target: [residents.oaId, residents.zaloUserId],
        set: { lastInteractionAt: sql`greatest(${residents.lastInteractionAt}, excluded.last_interaction_at)` },
      })
      .returning(),
  );
  const latestDone = tx
    .select({ id: helpRequests.id })
    .from(helpRequests)
    .where(and(eq(helpRequests.residentId, resident.id), eq(helpRequests.status, 'done'), isNull(helpRequests.residentConfirmedAt), gte(helpRequests.closedAt, p.doneSince)))
    .orderBy(desc(helpRequests.closedAt))
    .limit(1);
  const [row] = await tx
    .with(resident)
    .select({ resident: resident._.selectedFields, commune: orgUnits, state: conversationStates, run: guideRuns, doneRequest: helpRequests })
    .from(resident)
    .leftJoin(orgUnits, eq(orgUnits.code, p.communeCode))
    .leftJoin(conversationStates, eq(conversationStates.residentId, resident.id))
    .leftJoin(guideRuns, and(eq(guideRuns.residentId, resident.id), eq(guideRuns.status, 'active')))
    .leftJoin(helpRequests, eq(helpRequests.id, sql`(${latestDone})`));
  if (!row) throw new Error('resident upsert returned no row');
  return row;
}
