import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { isJsonRow, outboundRow } from './decode-rows.ts';
import type { JsonRow } from './decode-rows.ts';
import type { OutboundRow } from './outbound-messages.ts';
import { prepared } from '../prepared-statements.ts';

/*
 * The common case of sending, one statement each: a row that is due, pending, under its attempt cap
 * and first in line for its recipient is claimed (`sending`) as it is read. Anything else (an
 * attempt in doubt, a row another attempt holds, a row that must wait its turn) is left to the full
 * claim in deliver-outbound-message, which these never replace, only spare. Written by hand: they
 * run for every message sent.
 */

export type QuickClaim = { id: number; now: Date; maxAttempts: number; channels: OutboundRow['channel'][] };

/** Claims `c.id` if plainly sendable; `sentId` is a row being recorded as sent by the same statement. */
function claimStatement(c: QuickClaim, sentId: number | null): SQL {
  const notTheSentOne = sentId === null ? sql`` : sql`and earlier.id <> ${sentId}`;
  const channels = sql.join(
    c.channels.map((ch) => sql`${ch}`),
    sql`, `,
  );
  return sql`
    update outbound_messages m set status = 'sending', claimed_at = ${c.now}, attempts = m.attempts + 1, updated_at = ${c.now}
    where m.id = ${c.id} and m.status = 'pending' and m.not_before <= ${c.now} and m.attempts < ${c.maxAttempts}
      and m.channel::text in (${channels})
      and not exists (
        select 1 from outbound_messages earlier
        where earlier.channel = m.channel and earlier.recipient_id = m.recipient_id and earlier.oa_id is not distinct from m.oa_id and earlier.id < m.id
          and earlier.status in ('pending', 'sending') and earlier.not_before <= ${c.now} ${notTheSentOne})
    returning row_to_json(m.*) as row`;
}

function claimedRow(rows: JsonRow[]): OutboundRow | null {
  const row = rows[0];
  return row && isJsonRow(row.row) ? outboundRow(row.row) : null;
}

/** Claims the row if it is plainly sendable now; null when it needs the full claim. Returns the claimed row. */
export async function quickClaimOutbound(db: DbOrTx, c: QuickClaim): Promise<OutboundRow | null> {
  if (c.channels.length === 0) return null;
  return claimedRow((await db.execute<JsonRow>(prepared(claimStatement(c, null)))).rows);
}

/**
 * Records Zalo's message id for a row in `sending` (a late duplicate changes nothing) and, in the
 * same statement, quick-claims the next row of the batch when one is given.
 */
export async function markSentAndClaimNext(db: DbOrTx, p: { id: number; zaloMessageId: string; now: Date; next: QuickClaim | null }): Promise<OutboundRow | null> {
  const sent = sql`with sent as (
      update outbound_messages set status = 'sent', zalo_message_id = ${p.zaloMessageId}, sent_at = ${p.now}, last_error = null, last_error_code = null, updated_at = ${p.now}
      where id = ${p.id} and status = 'sending'
    )`;
  if (!p.next || p.next.channels.length === 0) {
    await db.execute(prepared(sql`${sent} select 1`));
    return null;
  }
  return claimedRow((await db.execute<JsonRow>(prepared(sql`${sent} ${claimStatement(p.next, p.id)}`))).rows);
}
