import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { residents } from './residents.ts';

export const guideRunStatus = pgEnum('guide_run_status', ['active', 'completed', 'stopped']);

/** A resident working through one guide: which step they have seen, and how it ended. */
export const guideRuns = pgTable(
  'guide_runs',
  {
    id: serial('id').primaryKey(),
    residentId: integer('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    /** The OA the resident follows the guide through (the resident's own). */
    oaId: text('oa_id'),
    guideId: text('guide_id').notNull(),
    guideVersion: integer('guide_version').notNull(),
    /** Index of the step last shown (0 = first step). */
    step: integer('step').notNull().default(0),
    status: guideRunStatus('status').notNull().default('active'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    // At most one guide in progress per resident.
    uniqueIndex('guide_runs_one_active_uq').on(t.residentId).where(sql`${t.status} = 'active'`),
    index('guide_runs_resident_idx').on(t.residentId),
  ],
);
