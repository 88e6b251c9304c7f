import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../client.ts';
import { oaAccounts, outboundMessages, teams } from '../schema/index.ts';

export type OutboundRow = typeof outboundMessages.$inferSelect;
export type NewOutbound = typeof outboundMessages.$inferInsert;

/** Zalo user ids are scoped by OA: two OAs may each have a user with the same id. */
function sameOa(oaId: string | null): SQL {
  return sql`${outboundMessages.oaId} is not distinct from ${oaId}`;
}

/** For a team's message: the OA owning the team's group when written (the sender re-reads the team). */
export function teamGroupOaId(teamId: number): SQL<string | null> {
  return sql<string | null>`(select ${teams.groupOaId} from ${teams} where ${teams.id} = ${teamId})`;
}

export type OutboundRoute = Pick<OutboundRow, 'id' | 'oaId' | 'channel' | 'recipientId'> & { ratePerSec: number | null };

/**
 * Who each row goes out through and at what rate (its OA's, null when it names none or its OA is
 * not in the table), read before the rows are queued or claimed so their sender can be paced.
 */
export async function findOutboundRoutes(db: DbOrTx, ids: number[]): Promise<OutboundRoute[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: outboundMessages.id, oaId: outboundMessages.oaId, channel: outboundMessages.channel, recipientId: outboundMessages.recipientId, ratePerSec: oaAccounts.sendRatePerSec })
    .from(outboundMessages)
    .leftJoin(oaAccounts, eq(oaAccounts.oaId, outboundMessages.oaId))
    .where(inArray(outboundMessages.id, ids));
}

/** Writes outbox rows; a key that exists already is skipped. Returns the ids of the new rows. */
export async function insertOutboundMessages(db: DbOrTx, rows: (Omit<NewOutbound, 'oaId'> & { oaId?: string | null | SQL<string | null> })[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(outboundMessages)
    .values(rows)
    .onConflictDoNothing({ target: outboundMessages.idempotencyKey })
    .returning({ id: outboundMessages.id });
  return inserted.map((r) => r.id);
}

/** Reads a row and locks it until the transaction ends, so two attempts never claim it together. */
export async function lockOutboundMessage(tx: Tx, id: number): Promise<OutboundRow | null> {
  const [row] = await tx.select().from(outboundMessages).where(eq(outboundMessages.id, id)).for('update');
  return row ?? null;
}

/**
 * The oldest earlier message to the same recipient that is due and still unsent, if any. There is
 * no time window: after a long outage a welcome written an hour ago must still go before the guide
 * written after it. Rows scheduled for later (a reminder) do not hold back what is due now.
 */
export async function findEarlierOpenMessage(tx: Tx, row: Pick<OutboundRow, 'id' | 'channel' | 'recipientId' | 'oaId'>, now: Date): Promise<{ id: number; updatedAt: Date } | null> {
  const [found] = await tx
    .select({ id: outboundMessages.id, updatedAt: outboundMessages.updatedAt })
    .from(outboundMessages)
    .where(
      and(
        eq(outboundMessages.channel, row.channel),
        eq(outboundMessages.recipientId, row.recipientId),
        sameOa(row.oaId),
        lt(outboundMessages.id, row.id),
        inArray(outboundMessages.status, ['pending', 'sending']),
        lte(outboundMessages.notBefore, now),
      ),
    )
    .orderBy(asc(outboundMessages.id))
    .limit(1);
  return found ?? null;
}

export async function claimOutboundMessage(tx: Tx, id: number, now: Date): Promise<void> {
  await tx
    .update(outboundMessages)
    .set({ status: 'sending', claimedAt: now, attempts: sql`${outboundMessages.attempts} + 1`, updatedAt: now })
    .where(eq(outboundMessages.id, id));
}

/** Records Zalo's message id. Only a row still in `sending` moves, so a late duplicate changes nothing. */
export async function markOutboundSent(db: DbOrTx, params: { id: number; zaloMessageId: string; now: Date }): Promise<void> {
  await db
    .update(outboundMessages)
    .set({ status: 'sent', zaloMessageId: params.zaloMessageId, sentAt: params.now, lastError: null, lastErrorCode: null, updatedAt: params.now })
    .where(and(eq(outboundMessages.id, params.id), eq(outboundMessages.status, 'sending')));
}

export async function markOutboundFailed(db: DbOrTx, params: { id: number; code: number | null; error: string; now: Date }): Promise<void> {
  await db
    .update(outboundMessages)
    .set({ status: 'failed', lastErrorCode: params.code, lastError: params.error, updatedAt: params.now })
    .where(and(eq(outboundMessages.id, params.id), inArray(outboundMessages.status, ['pending', 'sending'])));
}

/** The platform refused before delivering (e.g. rate limit): the row is safe to send again. */
export async function releaseOutboundMessage(db: DbOrTx, params: { id: number; code: number | null; error: string; now: Date }): Promise<void> {
  await db
    .update(outboundMessages)
    .set({ status: 'pending', claimedAt: null, lastErrorCode: params.code, lastError: params.error, updatedAt: params.now })
    .where(and(eq(outboundMessages.id, params.id), eq(outboundMessages.status, 'sending')));
}

/**
 * The outcome is unknown (timeout, 5xx): keep `sending` but end the lease now, so the next attempt
 * reconciles against the platform before it considers sending again. `unverifiedSince` is set when
 * the platform's history could not be read either.
 */
export async function markOutboundInDoubt(db: DbOrTx, params: { id: number; error: string; now: Date; unverifiedSince?: Date }): Promise<void> {
  // A check that could not be made is not an attempt: time, not the attempt cap, bounds that wait.
  const unverified = params.unverifiedSince ? { unverifiedSince: params.unverifiedSince, attempts: sql`${outboundMessages.attempts} - 1` } : {};
  await db
    .update(outboundMessages)
    .set({ claimedAt: new Date(0), lastError: params.error, updatedAt: params.now, ...unverified })
    .where(and(eq(outboundMessages.id, params.id), eq(outboundMessages.status, 'sending')));
}

/** The history could be read again: the wait for it is over. */
export async function clearOutboundUnverified(db: DbOrTx, params: { id: number; now: Date }): Promise<void> {
  await db
    .update(outboundMessages)
    .set({ unverifiedSince: null, updatedAt: params.now })
    .where(and(eq(outboundMessages.id, params.id), isNotNull(outboundMessages.unverifiedSince)));
}

/** About to send again without knowing whether the earlier attempt arrived (see in-doubt-policy). */
export async function markOutboundPossiblyDuplicate(db: DbOrTx, params: { id: number; now: Date }): Promise<void> {
  await db
    .update(outboundMessages)
    .set({ possiblyDuplicate: true, unverifiedSince: null, updatedAt: params.now })
    .where(and(eq(outboundMessages.id, params.id), eq(outboundMessages.status, 'sending')));
}

/** Prefix of `last_error` for a message given up because its delivery could not be checked. */
export const unconfirmedErrorPrefix = 'unconfirmed:';

/** Platform ids of what we already know we sent to this recipient since `since`. */
export async function listSentMessageIds(db: DbOrTx, params: { channel: OutboundRow['channel']; recipientId: string; oaId: string | null; since: Date }): Promise<string[]> {
  const rows = await db
    .select({ id: outboundMessages.zaloMessageId })
    .from(outboundMessages)
    .where(
      and(
        eq(outboundMessages.channel, params.channel),
        eq(outboundMessages.recipientId, params.recipientId),
        sameOa(params.oaId),
        isNotNull(outboundMessages.zaloMessageId),
        gt(outboundMessages.sentAt, params.since),
      ),
    );
  return rows.flatMap((r) => (r.id ? [r.id] : []));
}

/**
 * Open rows that are due and were never handed to the queue, or were handed over long ago.
 * `graceMs`: rows written less than this long ago are left to the code that wrote them, which hands
 * them over right after its commit. Without it a sweep between that commit and the hand-over queued
 * a turn's first row as a job of its own, under the id the turn's job then needed: the turn's job
 * was dropped as a duplicate and its other rows, marked as handed over, waited for the stale limit.
 * Measured on Postgres's clock, which is the one `created_at` comes from.
 */
export async function listOutboundToEnqueue(db: DbOrTx, params: { now: Date; staleBefore: Date; graceMs: number; limit: number }): Promise<number[]> {
  const rows = await db
    .select({ id: outboundMessages.id })
    .from(outboundMessages)
    .where(
      and(
        inArray(outboundMessages.status, ['pending', 'sending']),
        lte(outboundMessages.notBefore, params.now),
        or(isNull(outboundMessages.enqueuedAt), lt(outboundMessages.enqueuedAt, params.staleBefore)),
        params.graceMs > 0 ? sql`${outboundMessages.createdAt} < now() - make_interval(secs => ${params.graceMs / 1000})` : undefined,
      ),
    )
    .orderBy(asc(outboundMessages.id))
    .limit(params.limit);
  return rows.map((r) => r.id);
}

export async function markOutboundEnqueued(db: DbOrTx, ids: number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.update(outboundMessages).set({ enqueuedAt: now }).where(inArray(outboundMessages.id, ids));
}

/**
 * Data deletion: messages to this person lose their text and recipient; the ones not yet sent are
 * cancelled. Rows stay, so delivery counts remain right.
 */
export async function scrubOutboundToRecipient(db: DbOrTx, params: { oaId: string; recipientId: string; now: Date }): Promise<void> {
  const scrubbed = { payload: { kind: 'text', text: '[đã xóa]' }, recipientId: 'deleted', residentId: null, updatedAt: params.now };
  await db
    .update(outboundMessages)
    .set({ ...scrubbed, status: 'failed', lastError: 'resident deleted their data' })
    .where(and(eq(outboundMessages.channel, 'oa_user'), eq(outboundMessages.recipientId, params.recipientId), sameOa(params.oaId), inArray(outboundMessages.status, ['pending', 'sending'])));
  await db
    .update(outboundMessages)
    .set(scrubbed)
    .where(and(eq(outboundMessages.channel, 'oa_user'), eq(outboundMessages.recipientId, params.recipientId), sameOa(params.oaId)));
}

export type OutboxHealth = { status: Record<OutboundRow['status'], number>; possiblyDuplicate: number; unconfirmed: number; unverifiedNow: number };

/** Counts for /metrics: whole-table aggregates, no recipients or text. */
export async function countOutboxHealth(db: DbOrTx): Promise<OutboxHealth> {
  const byStatus = await db.select({ status: outboundMessages.status, n: sql<number>`count(*)::int` }).from(outboundMessages).groupBy(outboundMessages.status);
  const [flags] = await db
    .select({
      possiblyDuplicate: sql<number>`count(*) filter (where ${outboundMessages.possiblyDuplicate})::int`,
      unconfirmed: sql<number>`count(*) filter (where ${outboundMessages.status} = 'failed' and ${outboundMessages.lastError} like ${`${unconfirmedErrorPrefix}%`})::int`,
      unverifiedNow: sql<number>`count(*) filter (where ${outboundMessages.status} = 'sending' and ${outboundMessages.unverifiedSince} is not null)::int`,
    })
    .from(outboundMessages);
  const status = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const row of byStatus) status[row.status] = row.n;
  return { status, possiblyDuplicate: flags?.possiblyDuplicate ?? 0, unconfirmed: flags?.unconfirmed ?? 0, unverifiedNow: flags?.unverifiedNow ?? 0 };
}

/** Rows written as handed to the queue that the queue refused: the sweeper takes them promptly. */
export async function markOutboundNotEnqueued(db: DbOrTx, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.update(outboundMessages).set({ enqueuedAt: null }).where(inArray(outboundMessages.id, ids));
}
