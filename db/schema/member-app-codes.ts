import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { members } from './members.ts';

/**
 * One-time codes a leader gives a member so their Zalo account in the Mini App is linked to their
 * membership (when they cannot or will not share their phone number). Used once, short-lived.
 */
export const memberAppCodes = pgTable(
  'member_app_codes',
  {
    code: text('code').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    createdByMemberId: integer('created_by_member_id').references(() => members.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('member_app_codes_member_idx').on(t.memberId)],
);
