import type { CoreDeps } from '../../bot/deps.ts';
import { followUpMessage } from '../../bot/chat/resident/guide-flow.ts';
import { dispatchDueFollowUps } from '../../bot/domain/guides/dispatch-due-follow-ups.ts';
import { defineProcessor } from '../define-processor.ts';
import { handOverOutbox } from '../../bot/pipeline/hand-over-outbox.ts';

/** Scheduled every few minutes: sends the due "đã làm được chưa?" follow-ups recorded in Postgres. */
export function sweepFollowUpsProcessor(deps: CoreDeps) {
  return defineProcessor('sweep-follow-ups', async (_payload, { log }) => {
    const result = await dispatchDueFollowUps({ db: deps.db, clock: deps.clock }, { limit: 200, message: followUpMessage });
    if (result.sent.length + result.skipped.length > 0) log.info({ sent: result.sent.length, skipped: result.skipped }, 'follow-ups processed');
    await handOverOutbox(deps, result.outboxIds, log);
    return { sent: result.sent.length, skipped: result.skipped.length };
  });
}
