import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { outboundMessages } from './outbound-messages.ts';
import { teams } from './teams.ts';

/**
 * `weekly_report` (Friday), the monthly ladder (`month_before` 3 days before the deadline to the group,
 * `month_after` 1 day after with the leader mentioned, `month_named` 3 days after: named in the
 * digest), and a resident's request past due (`request_overdue` to the team, `request_escalation` at
 * twice the due time to the leaders).
 */
export const reminderKind = pgEnum('reminder_kind', ['weekly_report', 'month_before', 'month_after', 'month_named', 'request_overdue', 'request_escalation']);
/**
 * pending → sent | skipped (nothing owed any more) | undeliverable (no linked group…), with the
 * reason kept, so the leaders' digest can say which reminders never reached a team.
 */
export const reminderStatus = pgEnum('reminder_status', ['pending', 'sent', 'skipped', 'undeliverable']);

/**
 * One reminder a team is due, for one period: planned ahead as a row with its due time, fired by a
 * sweep. The unique key makes a re-run of the sweep, or two workers, plan and send it once.
 */
export const reminders = pgTable(
  'reminders',
  {
    id: serial('id').primaryKey(),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    kind: reminderKind('kind').notNull(),
    /** The period it is about, e.g. `2026-W49`. */
    period: text('period').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: reminderStatus('status').notNull().default('pending'),
    reason: text('reason'),
    outboundMessageId: bigint('outbound_message_id', { mode: 'number' }).references(() => outboundMessages.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reminders_team_kind_period_uq').on(t.teamId, t.kind, t.period),
    index('reminders_due_idx').on(t.dueAt).where(sql`${t.status} = 'pending'`),
  ],
);
