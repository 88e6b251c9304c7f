import { integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgUnits } from './org-units.ts';

export const teamKind = pgEnum('team_kind', ['village', 'commune', 'commune_leaders']);

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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('teams_unit_kind_uq').on(t.unitId, t.kind)],
);
