import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { teams } from './teams.ts';

export const memberRole = pgEnum('member_role', ['member', 'team_leader', 'commune_leader', 'province_admin', 'admin']);
/** Which id space `zaloUserId` belongs to: OA-scoped (GMF groups) or the personal account's (zca-js). */
export const zaloIdSource = pgEnum('zalo_id_source', ['oa', 'zca']);

/** A person's membership of one team, with the role they hold there. */
export const members = pgTable(
  'members',
  {
    id: serial('id').primaryKey(),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    displayName: text('display_name').notNull(),
    role: memberRole('role').notNull().default('member'),
    /** Zalo id of the person as seen by the channel that knows them (OA-scoped or personal). */
    zaloUserId: text('zalo_user_id'),
    zaloIdSource: zaloIdSource('zalo_id_source'),
    phone: text('phone'),
    /**
     * The person's id in the Mini App (a third id space: per Zalo app, unlike OA-scoped and personal
     * ids), set when they link their account by a shared phone number or a one-time code.
     */
    miniappUserId: text('miniapp_user_id'),
    /** False for people who reported before a leader confirmed them. */
    verified: boolean('verified').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('members_team_idx').on(t.teamId),
    uniqueIndex('members_team_zalo_uq').on(t.teamId, t.zaloIdSource, t.zaloUserId).where(sql`${t.zaloUserId} is not null`),
    index('members_miniapp_user_idx').on(t.miniappUserId).where(sql`${t.miniappUserId} is not null`),
  ],
);
