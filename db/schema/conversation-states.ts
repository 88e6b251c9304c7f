import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { residents } from './residents.ts';

/**
 * Where a resident is in a multi-step exchange (the home-visit form, a question for staff, a
 * deletion confirmation). One row per resident at most; a new exchange replaces the old one.
 */
export const conversationStates = pgTable('conversation_states', {
  residentId: integer('resident_id')
    .primaryKey()
    .references(() => residents.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  step: text('step').notNull(),
  /** Answers so far; validated by the form's schema when read. */
  data: jsonb('data').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
