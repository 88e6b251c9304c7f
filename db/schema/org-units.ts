import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgEnum, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

export const orgUnitKind = pgEnum('org_unit_kind', ['province', 'commune', 'village']);

/**
 * Administrative units as a versioned tree. Since 1 July 2025 the tiers are province → commune
 * (xã/phường/đặc khu), with villages (thôn, tổ dân phố) below the commune. Merged units are not
 * deleted: they get `validTo` and point at the unit that replaced them, so old reports still resolve.
 */
export const orgUnits = pgTable(
  'org_units',
  {
    id: serial('id').primaryKey(),
    /** Stable human-readable code, e.g. `demo-xa` or `demo-xa-thon-1`. */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: orgUnitKind('kind').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => orgUnits.id),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    successorId: integer('successor_id').references((): AnyPgColumn => orgUnits.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('org_units_parent_idx').on(t.parentId),
    // Walking a merger backwards (which units became this village?) for the digests' roll-up.
    index('org_units_successor_idx').on(t.successorId),
    check('org_units_validity_ck', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);
