import { sql } from 'drizzle-orm';
import { integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgUnits } from './org-units.ts';

export const teamKind = pgEnum('team_kind', ['village', 'commune', 'commune_leaders']);
/** How the team's Zalo group is reached: an OA-owned group (GMF) or a personal account in it (zca-js). */
export const groupTransport = pgEnum('group_transport', ['gmf', 'zca']);

/** A Community Digital Technology Team: one per village or commune, plus the commune leaders' team. */
export const teams = pgTable(
  'teams',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    kind: teamKind('kind').notNull(),
    name: text('name').notNull(),
    /** The Zalo group bound with `/lienket`; null until then. */
    zaloGroupId: text('zalo_group_id'),
    groupTransport: groupTransport('group_transport'),
    /** For a GMF group: the OA that owns it (the one whose webhook delivered `/lienket`). */
    groupOaId: text('group_oa_id'),
    groupLinkedAt: timestamp('group_linked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('teams_unit_kind_uq').on(t.unitId, t.kind),
    // One team per group.
    uniqueIndex('teams_group_uq').on(t.groupTransport, t.zaloGroupId).where(sql`${t.zaloGroupId} is not null`),
  ],
);
