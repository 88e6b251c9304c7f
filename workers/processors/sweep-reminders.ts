import { escalationMessage, teamReminderMessage } from '../../bot/chat/digest/reminder-messages.ts';
import type { CoreDeps } from '../../bot/deps.ts';
import { sweepReminders } from '../../bot/domain/reminders/team-reminders.ts';
import { defineProcessor } from '../define-processor.ts';
import { handOverOutbox } from '../../bot/pipeline/hand-over-outbox.ts';

/** Every few minutes: plans the reminders that are coming and sends the ones due (Postgres decides; this only triggers). */
export function sweepRemindersProcessor(deps: CoreDeps) {
  return defineProcessor('sweep-reminders', async (_payload, { log }) => {
    const { quietHours: quiet, monthlyReportDay: monthlyDay } = deps.config;
    const outboxIds = await sweepReminders(deps.db, { now: deps.clock.now(), quiet, monthlyDay, text: teamReminderMessage, escalation: escalationMessage });
    if (outboxIds.length > 0) log.info({ sent: outboxIds.length }, 'reminders sent');
    await handOverOutbox(deps, outboxIds, log);
    return { sent: outboxIds.length };
  });
}
