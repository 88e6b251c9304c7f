import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { inboundEvents } from './inbound-events.ts';
import { residents } from './residents.ts';

/**
 * pending → sending → sent | failed. A row in `sending` whose lease has run out is "in doubt":
 * the process may have died after Zalo accepted it, so it is reconciled before any resend.
 */
export const outboundStatus = pgEnum('outbound_status', ['pending', 'sending', 'sent', 'failed']);
/**
 * `oa_user`: a resident through the OA. `team_group`: a team's Zalo group, whichever transport the
 * team's group is bound to when it is sent; `recipientId` is the team id. `zalo_group`: one group
 * directly (a reply where a command was typed); `recipientId` is `gmf:<id>` or `zca:<id>`.
 */
export const outboundChannel = pgEnum('outbound_channel', ['oa_user', 'team_group', 'zalo_group']);

/** The outbox: every message we intend to send, written in the same transaction as its cause. */
export const outboundMessages = pgTable(
  'outbound_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Deterministic key from the cause (e.g. `reply-<inboundEventId>-0`), so a re-run writes nothing new. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    channel: outboundChannel('channel').notNull(),
    recipientId: text('recipient_id').notNull(),
    /**
     * The OA that sends it: the resident's for `oa_user`, the group's owner for GMF groups; null for
     * messages no OA sends (zca-js groups), or decided when sent (a team group not bound yet).
     */
    oaId: text('oa_id'),
    residentId: integer('resident_id').references(() => residents.id, { onDelete: 'set null' }),
    inboundEventId: bigint('inbound_event_id', { mode: 'number' }).references(() => inboundEvents.id),
    /** The message exactly as it will be posted to Zalo (the `message` object of the send API). */
    payload: jsonb('payload').notNull(),
    status: outboundStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    notBefore: timestamp('not_before', { withTimezone: true }).notNull().defaultNow(),
    enqueuedAt: timestamp('enqueued_at', { withTimezone: true }),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    zaloMessageId: text('zalo_message_id'),
    lastErrorCode: integer('last_error_code'),
    lastError: text('last_error'),
    /** Since when an attempt's outcome is unknown and the platform's history cannot be read. */
    unverifiedSince: timestamp('unverified_since', { withTimezone: true }),
    /** Sent again without confirming the earlier attempt (see in-doubt-policy): may have arrived twice. */
    possiblyDuplicate: boolean('possibly_duplicate').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('outbound_open_idx').on(t.notBefore).where(sql`${t.status} in ('pending', 'sending')`),
    index('outbound_recipient_idx').on(t.channel, t.recipientId, t.id),
  ],
);
