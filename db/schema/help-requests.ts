import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { members } from './members.ts';
import { orgUnits } from './org-units.ts';
import { residents } from './residents.ts';
import { teams } from './teams.ts';

export const helpRequestKind = pgEnum('help_request_kind', ['home_visit', 'question']);
export const helpRequestStatus = pgEnum('help_request_status', ['open', 'claimed', 'done', 'cancelled']);

/**
 * A resident's request for a home visit or for a person to answer a question. The id is the number
 * people quote ("yêu cầu số 15"). After a deletion request the resident link and free text are
 * cleared and only the anonymous facts (when, where, what kind, outcome) stay, for the counts.
 */
export const helpRequests = pgTable(
  'help_requests',
  {
    id: serial('id').primaryKey(),
    kind: helpRequestKind('kind').notNull(),
    status: helpRequestStatus('status').notNull().default('open'),
    residentId: integer('resident_id').references(() => residents.id, { onDelete: 'set null' }),
    /** The OA the resident asked through; null for requests a member opened in the Mini App. */
    oaId: text('oa_id'),
    communeId: integer('commune_id')
      .notNull()
      .references(() => orgUnits.id),
    villageId: integer('village_id').references(() => orgUnits.id),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    /** The guide/intent id the request is about, when known. */
    topic: text('topic'),
    note: text('note'),
    preferredTime: text('preferred_time'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    claimedByMemberId: integer('claimed_by_member_id').references(() => members.id),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeNote: text('close_note'),
    residentConfirmedAt: timestamp('resident_confirmed_at', { withTimezone: true }),
    reopenedCount: integer('reopened_count').notNull().default(0),
  },
  (t) => [
    index('help_requests_team_open_idx').on(t.teamId, t.createdAt).where(sql`${t.status} in ('open', 'claimed')`),
    index('help_requests_resident_idx').on(t.residentId),
    index('help_requests_commune_idx').on(t.communeId, t.status),
  ],
);
