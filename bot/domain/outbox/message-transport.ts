import type { OutboundContent } from './outbound-content.ts';

/**
 * What a delivery failure means for the row:
 * - `final`: the platform refused for good (window closed, blocked, invalid) — record and stop;
 * - `retry`: refused before delivering (rate limit, token being renewed) — safe to send again later;
 * - `in-doubt`: no clear answer (timeout, 5xx) — the message may have arrived; reconcile first.
 */
export type DeliveryFailureKind = 'final' | 'retry' | 'in-doubt';

export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    readonly kind: DeliveryFailureKind,
    message: string,
    readonly code: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/**
 * Whether this process can deliver to a recipient right now: yes; not yet (a team whose group is
 * not linked); or only another process can (zca-js sends belong to the process holding the session).
 */
export type Readiness = { kind: 'ready' } | { kind: 'wait'; delayMs: number; reason: string } | { kind: 'handoff'; to: HandoffQueue };
export type HandoffQueue = 'outbound' | 'zca-outbound';

/**
 * Which account a row goes out through: its OA (null for messages no OA sends, e.g. zca-js groups).
 * Absent or null where an OA is needed: the deployment's only active OA, if it has just one.
 */
export type Via = { oaId: string | null };

/** One way of delivering outbox content: a resident through the OA, or a team's Zalo group. */
export type MessageTransport = {
  /** Checked before a row is claimed; absent means always ready. */
  prepare?: (recipientId: string, via?: Via) => Promise<Readiness>;
  /** Sends; throws DeliveryError. */
  send: (recipientId: string, content: OutboundContent, via?: Via) => Promise<{ messageId: string }>;
  /**
   * Looks in the platform's history for this content sent to the recipient after `since`, skipping
   * ids we already accounted for. Used only for rows whose previous attempt ended in doubt.
   */
  findDelivered: (
    query: {
      recipientId: string;
      content: OutboundContent;
      since: Date;
      excludeMessageIds: string[];
    },
    via?: Via,
  ) => Promise<{ messageId: string } | null>;
};
