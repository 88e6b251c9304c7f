import { dayMonth, parseIsoDate } from '../../domain/calendar.ts';
import type { EscalationText, ReminderText } from '../../domain/reminders/team-reminders.ts';
import { digestTexts as t } from './digest-texts.vi.ts';

/** One message for everything a team owes: this week's report, the month's, residents' overdue requests. */
export const teamReminderMessage: ReminderText = ({ team, items, leader }) => {
  const lines: string[] = [];
  if (items.weekStart) lines.push(t.weeklyReminder(team.name, dayMonth(parseIsoDate(items.weekStart)).slice(0, 5)));
  if (items.month) lines.push(items.month.late ? t.monthLate(team.name, items.month.label, items.month.deadline) : t.monthSoon(team.name, items.month.label, items.month.deadline));
  if (items.overdueRequestIds.length > 0) lines.push(t.overdueRequests(items.overdueRequestIds));
  const text = lines.join('\n');
  return leader ? { kind: 'text', text, mention: leader } : { kind: 'text', text };
};

/** To the leaders: requests that have waited twice their time. */
export const escalationMessage: EscalationText = (requests) => ({ kind: 'text', text: t.escalation(requests.map((r) => `số ${r.id} (${r.teamName})`)) });
