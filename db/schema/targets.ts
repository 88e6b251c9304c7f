import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { orgUnits } from './org-units.ts';

/** What a unit aims for: a metric's count for a month (`2026-11`) or a year (`2026`). */
export const targets = pgTable(
  'targets',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    metric: text('metric').notNull(),
    period: text('period').notNull(),
    target: integer('target').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.metric, t.period] })],
);

/** Denominators per village, so progress reads as coverage ("78% người trưởng thành…"). */
export const unitPopulations = pgTable('unit_populations', {
  unitId: integer('unit_id')
    .primaryKey()
    .references(() => orgUnits.id),
  adults: integer('adults'),
  households: integer('households'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
