import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgEnum, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { inboundEvents } from './inbound-events.ts';
import { members } from './members.ts';
import { teams } from './teams.ts';

export const reportSource = pgEnum('report_source', ['chat', 'miniapp']);

/**
 * An activity report, posted in a team's group or sent from the Mini App. One per message: the
 * unique inbound event makes a redelivered message count once; a Mini App report carries the
 * device's key instead, so a retry counts once. `/huy` and withdrawing set `undoneAt` instead of
 * deleting, so totals can be audited.
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
      .unique()
      .references(() => inboundEvents.id),
    source: reportSource('source').notNull().default('chat'),
    /** The Mini App's idempotency key for this report, chosen on the device before the first attempt. */
    clientKey: text('client_key'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [
    index('reports_team_date_idx').on(t.teamId, t.reportDate),
    index('reports_member_idx').on(t.memberId, t.createdAt),
    uniqueIndex('reports_member_client_key_uq').on(t.memberId, t.clientKey).where(sql`${t.clientKey} is not null`),
    check('reports_origin_ck', sql`${t.inboundEventId} is not null or ${t.clientKey} is not null`),
  ],
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

/**
 * Each team's totals per month and metric over its reports that are not undone, kept by triggers
 * on `reports` and `report_items` (migration 0011) in the same transaction as the reports
 * themselves, so every write path keeps it right. The "so far" figures (level-2 e-ID coverage in
 * the digest and the monthly report) read whole months here instead of every report since the
 * campaign began: a year of a commune's reports was 3,300 index probes per digest, and it grows.
 */
export const reportMonthTotals = pgTable(
  'report_month_totals',
  {
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    /** The first day of the report date's month. */
    month: date('month').notNull(),
    metric: text('metric').notNull(),
    total: integer('total').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.month, t.metric] })],
);
