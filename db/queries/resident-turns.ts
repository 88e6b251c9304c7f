import { sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import type { ConversationStateRow } from './conversation-states.ts';
import { conversationStateRow, guideRunRow, isJsonRow, orgUnitRow, residentRow } from './decode-rows.ts';
import type { JsonRow } from './decode-rows.ts';
import type { GuideRunRow } from './guide-runs.ts';
import type { OrgUnitRow } from './org-units.ts';
import type { ResidentRow } from './residents.ts';
import { prepared } from '../prepared-statements.ts';

/** A request a team closed that waits for the resident's "đã được hỗ trợ xong chưa?" answer. */
export type DoneRequest = { id: number; closedAt: Date | null };

/** What a resident's turn starts from, as Postgres had it before the turn wrote anything. */
export type ResidentTurnStart = {
  resident: ResidentRow;
  commune: OrgUnitRow | null;
  /** The unfinished exchange (form, confirmation), unchecked: it may have expired. */
  state: ConversationStateRow | null;
  run: GuideRunRow | null;
  /** The latest request a team closed since `doneSince` that the resident has not confirmed yet. */
  doneRequest: DoneRequest | null;
};

/**
 * One statement for the start of a resident's turn: finds or creates the resident behind the
 * OA-scoped id and records the interaction time (it opens Zalo's reply windows; events can arrive
 * out of order, so the latest time is kept), and reads the commune (the one its OA serves; the
 * deployment's COMMUNE_CODE for an OA not in oa_accounts yet), the unfinished exchange, the
 * guide in progress and the request waiting for the resident's confirmation. The upsert also locks
 * the resident's row until the turn commits.
 */
export async function beginResidentTurn(tx: Tx, p: { oaId: string; zaloUserId: string; at: Date; communeCode: string; doneSince: Date }): Promise<ResidentTurnStart> {
  const result = await tx.execute<JsonRow>(prepared(sql`
    with resident as (
      insert into residents (oa_id, zalo_user_id, last_interaction_at) values (${p.oaId}, ${p.zaloUserId}, ${p.at})
      on conflict (oa_id, zalo_user_id)
        do update set last_interaction_at = greatest(residents.last_interaction_at, excluded.last_interaction_at)
      returning *
    )
    select row_to_json(r) as resident,
      coalesce(
        (select row_to_json(o) from oa_accounts a join org_units o on o.id = a.commune_id where a.oa_id = r.oa_id),
        (select row_to_json(o) from org_units o where o.code = ${p.communeCode})) as commune,
      (select row_to_json(s) from conversation_states s where s.resident_id = r.id) as state,
      (select row_to_json(g) from guide_runs g where g.resident_id = r.id and g.status = 'active') as run,
      (select json_build_object('id', h.id, 'closed_at', h.closed_at) from help_requests h
        where h.resident_id = r.id and h.status = 'done' and h.resident_confirmed_at is null and h.closed_at >= ${p.doneSince}
        order by h.closed_at desc limit 1) as done_request
    from resident r`));
  const row = result.rows[0];
  if (!row || !isJsonRow(row.resident)) throw new Error('resident upsert returned no row');
  return {
    resident: residentRow(row.resident),
    commune: isJsonRow(row.commune) ? orgUnitRow(row.commune) : null,
    state: isJsonRow(row.state) ? conversationStateRow(row.state) : null,
    run: isJsonRow(row.run) ? guideRunRow(row.run) : null,
    doneRequest: isJsonRow(row.done_request) ? doneRequest(row.done_request) : null,
  };
}

function doneRequest(r: JsonRow): DoneRequest {
  const id = Number(r.id);
  if (!Number.isInteger(id)) throw new Error('help request without id');
  return { id, closedAt: typeof r.closed_at === 'string' ? new Date(r.closed_at) : null };
}
