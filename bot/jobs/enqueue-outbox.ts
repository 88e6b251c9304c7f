import type { CoreDeps } from '../deps.ts';
import type { Logger } from '../logger.ts';
import { markOutboundEnqueued } from '../../db/queries/outbound-messages.ts';

/**
 * Hands freshly written outbox rows to the sender queue. The rows are already committed, so if
 * Redis refuses they are only late: the sweeper queues them.
 */
export async function enqueueOutbox(deps: CoreDeps, outboxIds: number[], log: Logger): Promise<void> {
  if (outboxIds.length === 0) return;
  try {
    await deps.queues.enqueueOutbound(outboxIds);
    await markOutboundEnqueued(deps.db, outboxIds, deps.clock.now());
  } catch (err) {
    log.warn({ err, outboxIds }, 'messages written; the sweeper will queue them');
  }
}
