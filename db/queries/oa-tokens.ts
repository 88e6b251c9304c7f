import { eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../client.ts';
import { oaTokens } from '../schema/index.ts';

export type OaTokenRow = typeof oaTokens.$inferSelect;

/** The OA's token row, or null before the first token was stored. */
export async function findOaToken(db: DbOrTx, oaId: string): Promise<OaTokenRow | null> {
  const [row] = await db.select().from(oaTokens).where(eq(oaTokens.oaId, oaId));
  return row ?? null;
}

/** Creates the row from the first refresh token if there is none yet; an existing row wins. */
export async function insertOaTokenIfMissing(
  db: DbOrTx,
  row: { oaId: string; refreshTokenEnc: string; accessExpiresAt: Date },
): Promise<void> {
  await db.insert(oaTokens).values(row).onConflictDoNothing({ target: oaTokens.oaId });
}

/**
 * Reads the row and holds its lock until the transaction ends. Every refresher takes this lock, so
 * only one process at a time can spend the single-use refresh token.
 */
export async function lockOaToken(tx: Tx, oaId: string): Promise<OaTokenRow | null> {
  const [row] = await tx.select().from(oaTokens).where(eq(oaTokens.oaId, oaId)).for('update');
  return row ?? null;
}

export async function updateOaTokenPair(
  tx: Tx,
  params: { oaId: string; accessTokenEnc: string; refreshTokenEnc: string; accessExpiresAt: Date; now: Date },
): Promise<void> {
  await tx
    .update(oaTokens)
    .set({
      accessTokenEnc: params.accessTokenEnc,
      refreshTokenEnc: params.refreshTokenEnc,
      accessExpiresAt: params.accessExpiresAt,
      status: 'active',
      lastRefreshedAt: params.now,
      lastError: null,
      updatedAt: params.now,
    })
    .where(eq(oaTokens.oaId, params.oaId));
}

export async function markOaTokenNeedsReauth(tx: Tx, params: { oaId: string; error: string; now: Date }): Promise<void> {
  await tx
    .update(oaTokens)
    .set({ status: 'needs_reauth', lastError: params.error, updatedAt: params.now })
    .where(eq(oaTokens.oaId, params.oaId));
}

/** Replaces the refresh token after a human re-authorised the app (scripts/zalo-set-token). */
export async function resetOaToken(db: DbOrTx, params: { oaId: string; refreshTokenEnc: string; now: Date }): Promise<void> {
  await db
    .insert(oaTokens)
    .values({ oaId: params.oaId, refreshTokenEnc: params.refreshTokenEnc, accessExpiresAt: new Date(0), updatedAt: params.now })
    .onConflictDoUpdate({
      target: oaTokens.oaId,
      set: { refreshTokenEnc: params.refreshTokenEnc, accessTokenEnc: null, accessExpiresAt: new Date(0), status: 'active', lastError: null, updatedAt: params.now },
    });
}
