import { pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const zcaSessionStatus = pgEnum('zca_session_status', ['active', 'closed_elsewhere', 'logged_out']);

/**
 * The personal Zalo account used to read and write the teams' ordinary groups (zca-js): its session
 * (cookie, imei, user agent) sealed with the data key. `closed_elsewhere` means Zalo dropped us because
 * the account was opened elsewhere: the listener will not start again until someone logs in anew.
 */
export const zcaSessions = pgTable('zca_sessions', {
  accountKey: text('account_key').primaryKey(),
  sessionEnc: text('session_enc').notNull(),
  ownUid: text('own_uid'),
  displayName: text('display_name'),
  status: zcaSessionStatus('status').notNull().default('active'),
  lastError: text('last_error'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
