import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { guideRuns } from './guide-runs.ts';
import { residents } from './residents.ts';

export const followUpStatus = pgEnum('follow_up_status', ['pending', 'sent', 'skipped', 'cancelled']);

/**
 * The one "đã làm được chưa?" message after an unfinished guide. The row is the schedule; BullMQ
 * only triggers the sweep. `reason` records why it was skipped (outside Zalo's windows, opted out…).
 */
export const followUps = pgTable(
  'follow_ups',
  {
    id: serial('id').primaryKey(),
    residentId: integer('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    guideRunId: integer('guide_run_id')
      .notNull()
      .references(() => guideRuns.id, { onDelete: 'cascade' }),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: followUpStatus('status').notNull().default('pending'),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('follow_ups_run_uq').on(t.guideRunId),
    index('follow_ups_due_idx').on(t.dueAt).where(sql`${t.status} = 'pending'`),
    // A new or ended guide cancels the resident's pending follow-up: without this, that update read
    // every pending follow-up of every resident through the due index (~1,400 per guide after 20 s of
    // the e2e bench, and growing with the commune).
    index('follow_ups_resident_pending_idx').on(t.residentId).where(sql`${t.status} = 'pending'`),
  ],
);
