import type { Db } from '../../db/client.ts';
import { markInboundNotEnqueued } from '../../db/queries/inbound-events.ts';
import type { Logger } from '../logger.ts';

export type HandOverStoredEventDeps = { db: Db; enqueueInbound: (inboundEventId: number) => Promise<void>; logger: Logger };

/**
 * Hands one stored event's id to the queue at once: the zca-js listener's path (low volume, one
 * message at a time). Webhook events go through the relay instead (inbound-relay.ts). The row is
 * inserted already marked as handed over; when Redis refuses, the mark is cleared so the relay's
 * interval or the sweeper picks the event up within seconds. If even that fails, the sweeper finds
 * it once the hand-over looks stale. True when the queue took it.
 */
export async function handOverStoredEvent(deps: HandOverStoredEventDeps, inboundEventId: number): Promise<boolean> {
  try {
    await deps.enqueueInbound(inboundEventId);
    return true;
  } catch (err) {
    deps.logger.warn({ err, inboundEventId }, 'queue unavailable; the sweeper will enqueue this event');
    await markInboundNotEnqueued(deps.db, inboundEventId).catch(() => undefined);
    return false;
  }
}
