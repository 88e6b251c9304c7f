import type { Db } from '../../../db/client.ts';
import { listOpenHelpRequestsOfTeam } from '../../../db/queries/help-requests.ts';
import { findTeamLeader } from '../../../db/queries/members.ts';
import { decideReminder, lockDueReminders, planWeeklyReportReminders, teamHasReport } from '../../../db/queries/reminders.ts';
import { getTeam } from '../../../db/queries/teams.ts';
import type { TeamRow } from '../../../db/queries/teams.ts';
import { addDays, isoDate, startOfVietnamDay, vietnamDate } from '../calendar.ts';
import { formatIsoWeek, isoWeekOf, weekDays } from '../iso-week.ts';
import type { OutboundContent } from '../outbox/outbound-content.ts';
import { queueTeamMessage } from '../outbox/queue-team-message.ts';

/** Hours (Vietnam time) when no reminder is sent: from `startHour` until `endHour` the next morning. */
export type QuietHours = { startHour: number; endHour: number };

export type ReminderText = (p: { team: TeamRow; weekStart: string; leader: { userId: string; name: string } | null; overdueRequests: number }) => OutboundContent;

/** Friday 15:00 in Vietnam: late enough to have reported, early enough to do it before the weekend. */
const weeklyDue = { weekday: 4, hour: 15 };

/**
 * The weekly report reminder: planned as one row per village team and week, fired by a sweep. A
 * team that has reported by then is skipped; one without a linked group is recorded as undeliverable
 * (the leaders' digest names it). One message per team says everything it owes: the report and its
 * residents' requests past their due time. Returns the outbox ids written.
 */
export async function sweepWeeklyReportReminders(db: Db, p: { now: Date; quiet: QuietHours; text: ReminderText; limit?: number }): Promise<number[]> {
  const week = isoWeekOf(vietnamDate(p.now));
  const { monday, sunday } = weekDays(week);
  const dueAt = new Date(startOfVietnamDay(addDays(monday, weeklyDue.weekday)).getTime() + weeklyDue.hour * 3_600_000);
  await planWeeklyReportReminders(db, { period: formatIsoWeek(week), dueAt });
  if (inQuietHours(p.now, p.quiet)) return [];
  return db.transaction(async (tx) => {
    const outboxIds: number[] = [];
    for (const reminder of await lockDueReminders(tx, { now: p.now, limit: p.limit ?? 500 })) {
      const decide = (status: 'skipped' | 'undeliverable', reason: string) => decideReminder(tx, { id: reminder.id, status, reason, now: p.now });
      const team = await getTeam(tx, reminder.teamId);
      const { monday: from, sunday: to } = weekDays(isoWeekOf(vietnamDate(reminder.dueAt)));
      // A reminder planned for an earlier week that was never fired (e.g. a long outage) is moot now.
      if (isoDate(to) < isoDate(monday)) await decide('skipped', 'its week is over');
      else if (await teamHasReport(tx, { teamId: team.id, from: isoDate(from), to: isoDate(sunday) })) await decide('skipped', 'already reported');
      else if (!team.zaloGroupId) await decide('undeliverable', 'nhóm Zalo chưa liên kết');
      else {
        const leader = await findTeamLeader(tx, team.id);
        const overdue = (await listOpenHelpRequestsOfTeam(tx, team.id)).filter((r) => r.dueAt < p.now).length;
        const mention = leader?.zaloUserId ? { userId: leader.zaloUserId, name: leader.displayName } : null;
        const [id] = await queueTeamMessage(tx, { cause: `reminder-${reminder.id}`, teamId: team.id, contents: [p.text({ team, weekStart: isoDate(from), leader: mention, overdueRequests: overdue })] });
        await decideReminder(tx, { id: reminder.id, status: 'sent', reason: null, ...(id === undefined ? {} : { outboundMessageId: id }), now: p.now });
        if (id !== undefined) outboxIds.push(id);
      }
    }
    return outboxIds;
  });
}

export function inQuietHours(now: Date, quiet: QuietHours): boolean {
  const hour = (now.getUTCHours() + 7) % 24;
  return quiet.startHour > quiet.endHour ? hour >= quiet.startHour || hour < quiet.endHour : hour >= quiet.startHour && hour < quiet.endHour;
}
