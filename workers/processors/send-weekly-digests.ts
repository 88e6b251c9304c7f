import type { CoreDeps } from '../../bot/deps.ts';
import { queueWeekDigest } from '../../bot/chat/digest/queue-week-digest.ts';
import { createReportLinks } from '../../bot/chat/digest/report-links.ts';
import { vietnamDate } from '../../bot/domain/calendar.ts';
import { isoWeekOf, previousWeek } from '../../bot/domain/iso-week.ts';
import { listCommunesWithLeaders } from '../../db/queries/teams.ts';
import { defineProcessor } from '../define-processor.ts';
import { handOverOutbox } from '../../bot/pipeline/hand-over-outbox.ts';
import { eachConcurrently } from '../each-concurrently.ts';

export const digestConcurrency = 4;

/** Monday morning: the week that just ended, to every commune's leaders' group. */
export function sendWeeklyDigestsProcessor(deps: CoreDeps) {
  const links = createReportLinks(deps.config.publicBaseUrl, deps.links);
  return defineProcessor('send-weekly-digests', async (_payload, { log }) => {
    const now = deps.clock.now();
    const week = previousWeek(isoWeekOf(vietnamDate(now)));
    const outcomes: Record<string, number> = {};
    // A province's 100 communes take ~3 s one after another; four at a time share the pool politely.
    await eachConcurrently(await listCommunesWithLeaders(deps.db), digestConcurrency, async ({ communeId }) => {
      const outcome = await deps.db.transaction((tx) => queueWeekDigest(tx, { communeId, week, now, graceDays: deps.config.digestGraceDays, links }, deps.readDb));
      outcomes[outcome.kind] = (outcomes[outcome.kind] ?? 0) + 1;
      if (outcome.kind === 'queued') await handOverOutbox(deps, outcome.outboxIds, log);
      if (outcome.kind === 'no-leaders-group') log.warn({ communeId }, 'weekly digest not sent: the commune has no linked leaders group');
    });
    log.info({ week, ...outcomes }, 'weekly digests processed');
    return outcomes;
  });
}
