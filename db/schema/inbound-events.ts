import { sql } from 'drizzle-orm';
import { bigserial, index, integer, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const inboundStatus = pgEnum('inbound_status', ['received', 'ignored', 'invalid', 'processed', 'failed']);
export const inboundSource = pgEnum('inbound_source', ['oa_webhook', 'zca']);

/**
 * Every event Zalo delivers, stored before it is acknowledged. `dedupeKey` makes redeliveries
 * no-ops. `payload` keeps the JSON text as received (with sensitive numbers redacted) rather than
 * jsonb, so 19-digit ids are never routed through a JS number.
 */
export const inboundEvents = pgTable(
  'inbound_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    source: inboundSource('source').notNull(),
    oaId: text('oa_id'),
    eventName: text('event_name').notNull(),
    /** Who sent it, when known: events of one sender are handled in the order received. */
    senderId: text('sender_id'),
    dedupeKey: text('dedupe_key').notNull().unique(),
    payload: text('payload').notNull(),
    status: inboundStatus('status').notNull().default('received'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Set once a job has been handed to Redis. Webhook events are stored with null and handed over by
     * the relay (bot/inbound/inbound-relay.ts); rows left null are re-enqueued by the sweeper.
     */
    enqueuedAt: timestamp('enqueued_at', { withTimezone: true }),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    index('inbound_events_waiting_idx')
      .on(t.receivedAt)
      .where(sql`${t.status} = 'received'`),
    index('inbound_events_sender_waiting_idx')
      .on(t.senderId, t.id)
      .where(sql`${t.status} = 'received'`),
    // The relay's claim: stored, not handed to the queue yet. Kept tiny however long the backlog of
    // handed-over events waiting for a worker grows.
    index('inbound_events_handover_idx')
      .on(t.id)
      .where(sql`${t.status} = 'received' and ${t.enqueuedAt} is null`),
  ],
);
