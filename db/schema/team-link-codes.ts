import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { teams } from './teams.ts';

/** One-time codes a leader hands out; `/lienket CODE` in a group binds that group to the team. */
export const teamLinkCodes = pgTable('team_link_codes', {
  code: text('code').primaryKey(),
  teamId: integer('team_id')
    .notNull()
    .references(() => teams.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});
