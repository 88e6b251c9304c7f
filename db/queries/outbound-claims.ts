import { and, eq, inArray, lt, lte, ne, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../client.ts';
import { outboundMessages } from '../schema/index.ts';
import type { OutboundRow } from './outbound-messages.ts';

/*
 * The common case of sending, one statement each: a row that is due, pending, under its attempt cap
 * and first in line for its recipient is claimed (`sending`) as it is read. Anything else (an
 * attempt in doubt, a row another attempt holds, a row that must wait its turn) is left to the full
 * claim in deliver-outbound-message, which these never replace, only spare.
 */

export type QuickClaim = { id: number; now: Date; maxAttempts: number; channels: OutboundRow['channel'][] };

/** Row conditions of a quick claim; `sentId` is a row being marked sent in the same statement. */
function claimable(c: QuickClaim, sentId: number | null) {
  const earlier = alias(outboundMessages, 'earlier');
  const before = (db: DbOrTx) =>
    db
      .select({ one: sql`1` })
      .from(earlier)
      .where(
        and(
          eq(earlier.channel, outboundMessages.channel),
          eq(earlier.recipientId, outboundMessages.recipientId),
          lt(earlier.id, outboundMessages.id),
          inArray(earlier.status, ['pending', 'sending']),
          lte(earlier.notBefore, c.now),
          sentId === null ? undefined : ne(earlier.id, sentId),
        ),
      );
  return (db: DbOrTx) =>
    and(
      eq(outboundMessages.id, c.id),
      eq(outboundMessages.status, 'pending'),
      lte(outboundMessages.notBefore, c.now),
      lt(outboundMessages.attempts, c.maxAttempts),
      inArray(outboundMessages.channel, c.channels),
      notExists(before(db)),
    );
}

const claimSet = (now: Date) => ({ status: 'sending' as const, claimedAt: now, attempts: sql`${outboundMessages.attempts} + 1`, updatedAt: now });

/** Claims the row if it is plainly sendable now; null when it needs the full claim. Returns the claimed row. */
export async function quickClaimOutbound(db: DbOrTx, c: QuickClaim): Promise<OutboundRow | null> {
  if (c.channels.length === 0) return null;
  const [row] = await db.update(outboundMessages).set(claimSet(c.now)).where(claimable(c, null)(db)).returning();
  return row ?? null;
}

/**
 * Records Zalo's message id for a row in `sending` (a late duplicate changes nothing) and, in the
 * same statement, quick-claims the next row of the batch when one is given.
 */
export async function markSentAndClaimNext(db: DbOrTx, p: { id: number; zaloMessageId: string; now: Date; next: QuickClaim | null }): Promise<OutboundRow | null> {
  const sent = db
    .$with('sent')
    .as(
      db
        .update(outboundMessages)
        .set({ status: 'sent', zaloMessageId: p.zaloMessageId, sentAt: p.now, lastError: null, lastErrorCode: null, updatedAt: p.now })
        .where(and(eq(outboundMessages.id, p.id), eq(outboundMessages.status, 'sending')))
        .returning({ id: outboundMessages.id }),
    );
  if (!p.next || p.next.channels.length === 0) {
    await db.with(sent).select({ id: sent.id }).from(sent);
    return null;
  }
  const [row] = await db.with(sent).update(outboundMessages).set(claimSet(p.now)).where(claimable(p.next, p.id)(db)).returning();
  return row ?? null;
}
