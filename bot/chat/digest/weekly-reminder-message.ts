import { dayMonth, parseIsoDate } from '../../domain/calendar.ts';
import type { ReminderText } from '../../domain/reminders/weekly-report-reminders.ts';
import { digestTexts as t } from './digest-texts.vi.ts';

/** The one message a team gets on Friday: its report, and its overdue requests if any; the leader is mentioned. */
export const weeklyReminderMessage: ReminderText = ({ team, weekStart, leader, overdueRequests }) => {
  const lines = [t.weeklyReminder(team.name, dayMonth(parseIsoDate(weekStart)).slice(0, 5))];
  if (overdueRequests > 0) lines.push(t.overdueRequests(overdueRequests));
  const text = lines.join('\n');
  return leader ? { kind: 'text', text, mention: leader } : { kind: 'text', text };
};
