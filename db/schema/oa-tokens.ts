import { pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const oaTokenStatus = pgEnum('oa_token_status', ['active', 'needs_reauth']);

/**
 * The OA's OAuth pair. Refresh tokens are single-use, so this row is the only copy that matters:
 * it is updated under a lock and committed before the new access token is used. Both tokens are
 * stored encrypted (AES-256-GCM, see bot/crypto/secret-box.ts).
 */
export const oaTokens = pgTable('oa_tokens', {
  oaId: text('oa_id').primaryKey(),
  accessTokenEnc: text('access_token_enc'),
  refreshTokenEnc: text('refresh_token_enc').notNull(),
  accessExpiresAt: timestamp('access_expires_at', { withTimezone: true }).notNull(),
  status: oaTokenStatus('status').notNull().default('active'),
  lastRefreshedAt: timestamp('last_refreshed_at', { withTimezone: true }),
  lastError: text('last_error'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
