import { boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgUnits } from './org-units.ts';

/**
 * A resident who talks to the commune's OA. Only the OA-scoped Zalo id is stored until the resident
 * has consented; name, village and phone come later and only with consent (Law 91/2025).
 */
export const residents = pgTable(
  'residents',
  {
    id: serial('id').primaryKey(),
    oaId: text('oa_id').notNull(),
    /** OA-scoped user id: a 16–19 digit string, never a JS number. */
    zaloUserId: text('zalo_user_id').notNull(),
    displayName: text('display_name'),
    villageId: integer('village_id').references(() => orgUnits.id),
    phone: text('phone'),
    /** How the resident speaks of themselves ("bac", "chau"…), so replies address them alike; null until known. */
    addressForm: text('address_form'),
    optedOut: boolean('opted_out').notNull().default(false),
    optedOutAt: timestamp('opted_out_at', { withTimezone: true }),
    /** Which privacy notice the resident was shown, and when (shown once, at first contact). */
    privacyNoticeVersion: text('privacy_notice_version'),
    privacyNoticeAt: timestamp('privacy_notice_at', { withTimezone: true }),
    /** Last time the resident interacted with the OA: drives the 48 h free and 7-day windows. */
    lastInteractionAt: timestamp('last_interaction_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('residents_oa_user_uq').on(t.oaId, t.zaloUserId)],
);

/** One row per consent decision: what it was for, which wording the resident saw, and when. */
export const consents = pgTable(
  'consents',
  {
    id: serial('id').primaryKey(),
    residentId: integer('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    textVersion: text('text_version').notNull(),
    granted: boolean('granted').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consents_resident_idx').on(t.residentId)],
);
