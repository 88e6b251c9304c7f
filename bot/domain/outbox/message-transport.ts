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

/** One way of delivering outbox content (OA chat today; group transports later). */
export type MessageTransport = {
  /** Sends; throws DeliveryError. */
  send: (recipientId: string, content: OutboundContent) => Promise<{ messageId: string }>;
  /**
   * Looks in the platform's history for this content sent to the recipient after `since`, skipping
   * ids we already accounted for. Used only for rows whose previous attempt ended in doubt.
   */
  findDelivered: (query: {
    recipientId: string;
    content: OutboundContent;
    since: Date;
    excludeMessageIds: string[];
  }) => Promise<{ messageId: string } | null>;
};
