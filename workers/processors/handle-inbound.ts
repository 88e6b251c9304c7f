import { markInboundAttemptFailed } from '../../db/queries/inbound-events.ts';
import { DelayedError } from 'bullmq';
import type { CoreDeps } from '../../bot/deps.ts';
import { processInboundEvent } from '../../bot/pipeline/process-inbound-event.ts';
import { createReportLinks } from '../../bot/chat/digest/report-links.ts';
import { defineProcessor } from '../define-processor.ts';
import type { TurnSender } from '../../bot/pipeline/send-turn-now.ts';
import { describeError } from '../../bot/logger.ts';

/** Handles one stored inbound event, then sends the replies it wrote (send-turn-now.ts). */
export function handleInboundProcessor(deps: CoreDeps, sendTurnNow: TurnSender) {
  const { communeCode, publicBaseUrl, digestGraceDays } = deps.config;
  const reportLinks = createReportLinks(publicBaseUrl, deps.links);
  return defineProcessor('handle-inbound', async ({ inboundEventId }, { job, token, log, isFinalAttempt }) => {
    let result;
    try {
      result = await processInboundEvent({ db: deps.db, clock: deps.clock, communeCode, publicBaseUrl, reportLinks, digestGraceDays }, inboundEventId);
    } catch (err) {
      log.error({ err, inboundEventId }, 'inbound event failed');
      await markInboundAttemptFailed(deps.db, { id: inboundEventId, error: describeError(err), final: isFinalAttempt }).catch(() => undefined);
      throw err;
    }
    if (result.outcome === 'wait-turn') {
      // Not an attempt: the same person's earlier message goes first.
      await job.moveToDelayed(Date.now() + 200, token);
      throw new DelayedError('an earlier message from the same sender is still waiting');
    }
    log.info({ inboundEventId, outcome: result.outcome, replies: result.replyIds.length + result.otherIds.length }, 'inbound event handled');
    // The replies come first in the job, so their OA is the job's (when they all share one).
    const oaId = result.outcome === 'processed' && result.replyIds.length > 0 ? result.repliesOaId : null;
    await sendTurnNow({ marked: result.replyIds, unmarked: result.otherIds, oaId }, log);
  });
}
