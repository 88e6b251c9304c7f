import { createReportLinks } from '../../bot/chat/digest/report-links.ts';
import { lastMonth, monthReportText } from '../../bot/chat/digest/month-report-reply.ts';
import type { CoreDeps } from '../../bot/deps.ts';
import { queueTeamMessage } from '../../bot/domain/outbox/queue-team-message.ts';
import { listCommunesWithLeaders } from '../../db/queries/teams.ts';
import { defineProcessor } from '../define-processor.ts';
import { handOverOutbox } from '../../bot/pipeline/hand-over-outbox.ts';

/** The 1st of the month: last month's report to every linked leaders' group, once per commune and month. */
export function sendMonthlyReportsProcessor(deps: CoreDeps) {
  const links = createReportLinks(deps.config.publicBaseUrl, deps.links);
  return defineProcessor('send-monthly-reports', async (_payload, { log }) => {
    const now = deps.clock.now();
    const month = lastMonth(now);
    let sent = 0;
    for (const { communeId, leadersTeam } of await listCommunesWithLeaders(deps.db)) {
      if (!leadersTeam.zaloGroupId) {
        log.warn({ communeId }, 'monthly report not sent: the commune has no linked leaders group');
        continue;
      }
      const text = await monthReportText(deps.readDb, { communeId, month, links, now });
      const ids = await queueTeamMessage(deps.db, { cause: `month-report-${communeId}-${month.y}-${month.m}`, teamId: leadersTeam.id, contents: [{ kind: 'text', text }] });
      await handOverOutbox(deps, ids, log);
      sent += ids.length;
    }
    log.info({ month, sent }, 'monthly reports processed');
    return { sent };
  });
}
