import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { inboundEvents } from './inbound-events.ts';
import { members } from './members.ts';
import { teams } from './teams.ts';

/**
 * An activity report posted in a team's group. One per message: the unique inbound event makes a
 * redelivered message count once. `/huy` sets `undoneAt` instead of deleting, so totals can be audited.
 */
export const reports = pgTable(
  'reports',
  {
    id: serial('id').primaryKey(),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    reportDate: date('report_date').notNull(),
    inboundEventId: bigint('inbound_event_id', { mode: 'number' })
      .notNull()
      .unique()
      .references(() => inboundEvents.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [index('reports_team_date_idx').on(t.teamId, t.reportDate), index('reports_member_idx').on(t.memberId, t.createdAt)],
);

export const reportItems = pgTable(
  'report_items',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.metric] }), check('report_items_count_ck', sql`${t.count} between 0 and 5000`)],
);
