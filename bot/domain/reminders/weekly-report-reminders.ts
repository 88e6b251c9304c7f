import type { Db } from '../../../db/client.ts';
import { listOpenHelpRequestsOfTeam } from '../../../db/queries/help-requests.ts';
import { findTeamLeader } from '../../../db/queries/members.ts';
import { decideReminder, decideReminders, lockDueReminders, planWeeklyReportReminders } from '../../../db/queries/reminders.ts';
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
  const { monday } = weekDays(week);
  const dueAt = new Date(startOfVietnamDay(addDays(monday, weeklyDue.weekday)).getTime() + weeklyDue.hour * 3_600_000);
  await planWeeklyReportReminders(db, { period: formatIsoWeek(week), dueAt });
  if (inQuietHours(p.now, p.quiet)) return [];
  return db.transaction(async (tx) => {
    const due = await lockDueReminders(tx, { now: p.now, limit: p.limit ?? 5000 });
    // A reminder planned for a week that is over (never fired, e.g. a long outage) is moot now.
    const moot = due.filter((r) => r.weekOver);
    const reported = due.filter((r) => !r.weekOver && r.reportedInWeek);
    const unlinked = due.filter((r) => !r.weekOver && !r.reportedInWeek && !r.teamLinked);
    await decideReminders(tx, { ids: moot.map((r) => r.id), status: 'skipped', reason: 'its week is over', now: p.now });
    await decideReminders(tx, { ids: reported.map((r) => r.id), status: 'skipped', reason: 'already reported', now: p.now });
    await decideReminders(tx, { ids: unlinked.map((r) => r.id), status: 'undeliverable', reason: 'nhóm Zalo chưa liên kết', now: p.now });
    const outboxIds: number[] = [];
    for (const reminder of due.filter((r) => !r.weekOver && !r.reportedInWeek && r.teamLinked)) {
      const team = await getTeam(tx, reminder.teamId);
      const weekStart = weekDays(isoWeekOf(vietnamDate(reminder.dueAt))).monday;
      const leader = await findTeamLeader(tx, team.id);
      const overdue = (await listOpenHelpRequestsOfTeam(tx, team.id)).filter((r) => r.dueAt < p.now).length;
      const mention = leader?.zaloUserId ? { userId: leader.zaloUserId, name: leader.displayName } : null;
      const [id] = await queueTeamMessage(tx, { cause: `reminder-${reminder.id}`, teamId: team.id, contents: [p.text({ team, weekStart: isoDate(weekStart), leader: mention, overdueRequests: overdue })] });
      await decideReminder(tx, { id: reminder.id, status: 'sent', reason: null, ...(id === undefined ? {} : { outboundMessageId: id }), now: p.now });
      if (id !== undefined) outboxIds.push(id);
    }
    return outboxIds;
  });
}

export function inQuietHours(now: Date, quiet: QuietHours): boolean {
  const hour = (now.getUTCHours() + 7) % 24;
  return quiet.startHour > quiet.endHour ? hour >= quiet.startHour || hour < quiet.endHour : hour >= quiet.startHour && hour < quiet.endHour;
}
