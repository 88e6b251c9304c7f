import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { oaAccounts, orgUnits } from '../schema/index.ts';

export type OaAccountRow = typeof oaAccounts.$inferSelect;
export type OaAccountListing = OaAccountRow & { communeCode: string; communeName: string };

/** Every OA, with the code and name of the commune it serves (operators' list, the in-memory directory). */
export async function listOaAccounts(db: DbOrTx): Promise<OaAccountListing[]> {
  const rows = await db
    .select({ account: oaAccounts, communeCode: orgUnits.code, communeName: orgUnits.name })
    .from(oaAccounts)
    .innerJoin(orgUnits, eq(orgUnits.id, oaAccounts.communeId))
    .orderBy(asc(orgUnits.code), asc(oaAccounts.oaId));
  return rows.map((r) => ({ ...r.account, communeCode: r.communeCode, communeName: r.communeName }));
}

export async function findOaAccount(db: DbOrTx, oaId: string): Promise<OaAccountRow | null> {
  const [row] = await db.select().from(oaAccounts).where(eq(oaAccounts.oaId, oaId));
  return row ?? null;
}

/** Every OA's send rate and whether it sends now (which one sends a row that names none). */
export async function listOaRates(db: DbOrTx): Promise<{ oaId: string; ratePerSec: number; active: boolean }[]> {
  return db.select({ oaId: oaAccounts.oaId, ratePerSec: oaAccounts.sendRatePerSec, active: sql<boolean>`${oaAccounts.status} = 'active'` }).from(oaAccounts);
}

/** The OA that speaks for a commune now, if any. */
export async function findActiveOaOfCommune(db: DbOrTx, communeId: number): Promise<OaAccountRow | null> {
  const [row] = await db.select().from(oaAccounts).where(and(eq(oaAccounts.communeId, communeId), eq(oaAccounts.status, 'active')));
  return row ?? null;
}

export type OaAccountInput = Pick<OaAccountRow, 'oaId' | 'appId' | 'communeId' | 'appSecretEnc' | 'oaSecretKeyEnc' | 'sendRatePerSec'> & { name?: string | null };

/**
 * Adds an OA or updates the one with this id (credentials, commune, rate). `reactivate` also turns a
 * disabled OA back on (an operator's `oa:add`); the environment's OA, saved at every start, keeps
 * whatever status an operator gave it. Fails on the unique index when another active OA serves the
 * commune.
 */
export async function upsertOaAccount(db: DbOrTx, input: OaAccountInput, options: { now: Date; reactivate: boolean }): Promise<OaAccountRow> {
  const values = { ...input, name: input.name ?? null, updatedAt: options.now };
  const status = options.reactivate ? { status: 'active' as const, disabledAt: null, replacedBy: null } : {};
  const [row] = await db
    .insert(oaAccounts)
    .values({ ...values, createdAt: options.now })
    .onConflictDoUpdate({ target: oaAccounts.oaId, set: { ...values, ...status, name: sql`coalesce(excluded.name, ${oaAccounts.name})` } })
    .returning();
  if (!row) throw new Error(`OA ${input.oaId} was not saved`);
  return row;
}

/**
 * Stops serving an OA: its events are stored as ignored and nothing is sent through it. By an
 * operator unless `replacedBy` names the environment's OA that took its commune over.
 */
export async function disableOaAccount(db: DbOrTx, oaId: string, now: Date, replacedBy: string | null = null): Promise<boolean> {
  const rows = await db
    .update(oaAccounts)
    .set({ status: 'disabled', disabledAt: now, updatedAt: now, replacedBy })
    .where(eq(oaAccounts.oaId, oaId))
    .returning({ oaId: oaAccounts.oaId });
  return rows.length > 0;
}
