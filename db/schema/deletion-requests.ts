import { pgEnum, pgTable, serial, timestamp } from 'drizzle-orm/pg-core';

export const deletionStatus = pgEnum('deletion_status', ['done']);

/**
 * That a resident asked for their data to be deleted, and when it was done (Decree 356: answer
 * within 2 working days). Deliberately holds no link to who asked.
 */
export const deletionRequests = pgTable('deletion_requests', {
  id: serial('id').primaryKey(),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
  completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
  status: deletionStatus('status').notNull().default('done'),
});
