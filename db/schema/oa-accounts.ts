import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgUnits } from './org-units.ts';

export const oaAccountStatus = pgEnum('oa_account_status', ['active', 'disabled']);

/**
 * One Zalo Official Account served by this deployment, and the commune it serves. A province runs
 * many: OAs are data, not environment (the single-OA ZALO_* variables become the first row).
 * Several OAs may share one Zalo app (one webhook URL). Secrets are sealed with DATA_ENCRYPTION_KEY
 * (bot/crypto/secret-box.ts); the OA's tokens live in oa_tokens under the same `oa_id`.
 */
export const oaAccounts = pgTable(
  'oa_accounts',
  {
    oaId: text('oa_id').primaryKey(),
    appId: text('app_id').notNull(),
    communeId: integer('commune_id')
      .notNull()
      .references(() => orgUnits.id),
    /** The OA's name as residents see it, for lists and logs. */
    name: text('name'),
    /** The Zalo app's secret: OAuth refreshes and Mini App proofs. */
    appSecretEnc: text('app_secret_enc').notNull(),
    /** The OA's secret key: the webhook signature. */
    oaSecretKeyEnc: text('oa_secret_key_enc').notNull(),
    /** Messages a second this OA may send (Zalo's quota is per OA). */
    sendRatePerSec: integer('send_rate_per_sec').notNull(),
    status: oaAccountStatus('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /**
     * Disabled because the environment's OA (ZALO_*) took its commune over: the OA that did. Null
     * when an operator disabled it (`oa:disable`), which nothing undoes but `oa:add`.
     */
    replacedBy: text('replaced_by'),
  },
  (t) => [
    index('oa_accounts_app_idx').on(t.appId),
    // A commune speaks to its residents through one OA at a time.
    uniqueIndex('oa_accounts_commune_active_uq').on(t.communeId).where(sql`${t.status} = 'active'`),
  ],
);
