import { weeklyReminderMessage } from '../../bot/chat/digest/weekly-reminder-message.ts';
import type { CoreDeps } from '../../bot/deps.ts';
import { sweepWeeklyReportReminders } from '../../bot/domain/reminders/weekly-report-reminders.ts';
import { defineProcessor } from '../define-processor.ts';
import { enqueueOutbox } from '../enqueue-outbox.ts';

/** Every few minutes: plans this week's reminders and sends the ones due (Postgres decides; this only triggers). */
export function sweepRemindersProcessor(deps: CoreDeps) {
  return defineProcessor('sweep-reminders', async (_payload, { log }) => {
    const outboxIds = await sweepWeeklyReportReminders(deps.db, { now: deps.clock.now(), quiet: deps.config.quietHours, text: weeklyReminderMessage });
    if (outboxIds.length > 0) log.info({ sent: outboxIds.length }, 'weekly report reminders sent');
    await enqueueOutbox(deps, outboxIds, log);
    return { sent: outboxIds.length };
  });
}
