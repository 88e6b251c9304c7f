import type { Db, Tx } from '../../../db/client.ts';
import { findTeamLeader } from '../../../db/queries/members.ts';
import { decideReminder, decideReminders, lockDueReminders, planRequestReminders, planTeamReminders } from '../../../db/queries/reminders.ts';
import type { DueReminder } from '../../../db/queries/reminders.ts';
import { findTeamOfUnit, getTeam } from '../../../db/queries/teams.ts';
import type { TeamRow } from '../../../db/queries/teams.ts';
import { addDays, isoDate, isoMonth, startOfVietnamDay, vietnamDate } from '../calendar.ts';
import type { CalendarDate } from '../calendar.ts';
import { formatIsoWeek, isoWeekOf, weekDays } from '../iso-week.ts';
import type { OutboundContent } from '../outbox/outbound-content.ts';
import { queueTeamMessage } from '../outbox/queue-team-message.ts';

/** Hours (Vietnam time) when no reminder is sent: from `startHour` until `endHour` the next morning. */
export type QuietHours = { startHour: number; endHour: number };

/** Everything one team is reminded of in one message. */
export type ReminderItems = { weekStart: string | null; month: { label: string; deadline: string; late: boolean } | null; overdueRequestIds: number[] };
export type ReminderText = (p: { team: TeamRow; items: ReminderItems; leader: { userId: string; name: string } | null }) => OutboundContent;
export type EscalationText = (requests: { id: number; teamName: string }[]) => OutboundContent;

/** Friday 15:00 in Vietnam: late enough to have reported, early enough to do it before the weekend. */
const weeklyDue = { weekday: 4, hour: 15 };

/**
 * Every reminder, planned as Postgres rows with due times and fired by this sweep: the weekly
 * report (Friday), the monthly ladder around `monthlyDay` (3 days before to the group, 1 day after
 * with the leader mentioned, 3 days after the team is named in the leaders' digest), and residents'
 * requests past due (to the team; at twice the time allowed, to the leaders). A team gets one message
 * for everything it owes; what is no longer owed is skipped, what cannot be delivered is recorded
 * with its reason. Quiet hours hold everything until morning. Returns the outbox ids written.
 */
export async function sweepReminders(db: Db, p: { now: Date; quiet: QuietHours; monthlyDay: number; text: ReminderText; escalation: EscalationText; limit?: number }): Promise<number[]> {
  await planAll(db, p.now, p.monthlyDay);
  if (inQuietHours(p.now, p.quiet)) return [];
  return db.transaction(async (tx) => {
    const due = await lockDueReminders(tx, { now: p.now, limit: p.limit ?? 5000 });
    const settle = (status: 'skipped' | 'undeliverable', reason: string, rows: DueReminder[]) => decideReminders(tx, { ids: rows.map((r) => r.id), status, reason, now: p.now });
    await settle('skipped', 'more than a day late', due.filter((r) => r.moot));
    const live = due.filter((r) => !r.moot);
    await settle('skipped', 'already reported', live.filter((r) => !r.owed && !r.kind.startsWith('request')));
    await settle('skipped', 'request closed', live.filter((r) => !r.owed && r.kind.startsWith('request')));
    const owed = live.filter((r) => r.owed);
    // The third step of the ladder sends nothing: the digest names the team.
    await decideReminders(tx, { ids: owed.filter((r) => r.kind === 'month_named').map((r) => r.id), status: 'skipped', reason: 'named in the digest', now: p.now });
    const escalations = owed.filter((r) => r.kind === 'request_escalation');
    const toTeams = owed.filter((r) => r.kind !== 'month_named' && r.kind !== 'request_escalation');
    await settle('undeliverable', 'nhóm Zalo chưa liên kết', toTeams.filter((r) => !r.teamLinked));
    const outboxIds = await remindTeams(tx, toTeams.filter((r) => r.teamLinked), p);
    return [...outboxIds, ...(await escalate(tx, escalations, p))];
  });
}

/**
 * Only steps due from a day ago to two days ahead are planned: a reminder more than a day late is not
 * worth sending (a new deployment does not nag about last month), and sweeps run every few minutes.
 */
const planFromMs = -86_400_000;
const planUntilMs = 2 * 86_400_000;

async function planAll(db: Db, now: Date, monthlyDay: number): Promise<void> {
  const today = vietnamDate(now);
  const week = isoWeekOf(today);
  const plan = async (kind: 'weekly_report' | 'month_before' | 'month_after' | 'month_named', period: string, dueAt: Date) => {
    const offset = dueAt.getTime() - now.getTime();
    if (offset >= planFromMs && offset <= planUntilMs) await planTeamReminders(db, { kind, period, dueAt });
  };
  await plan('weekly_report', formatIsoWeek(week), at(addDays(weekDays(week).monday, weeklyDue.weekday), 15));
  // This month and the last: the last month's later steps fall after it ends when the deadline is late in the month.
  for (const month of [{ y: today.y, m: today.m }, today.m === 1 ? { y: today.y - 1, m: 12 } : { y: today.y, m: today.m - 1 }]) {
    const deadline = { ...month, d: Math.min(monthlyDay, new Date(Date.UTC(month.y, month.m, 0)).getUTCDate()) };
    const period = isoMonth(month);
    await plan('month_before', period, at(addDays(deadline, -3), 15));
    await plan('month_after', period, at(addDays(deadline, 1), 9));
    await plan('month_named', period, at(addDays(deadline, 3), 9));
  }
  await planRequestReminders(db, { now });
}

/** One message per team, saying everything it owes; the leader is mentioned. */
async function remindTeams(tx: Tx, due: DueReminder[], p: { now: Date; monthlyDay: number; text: ReminderText }): Promise<number[]> {
  const outboxIds: number[] = [];
  for (const teamId of new Set(due.map((r) => r.teamId))) {
    const mine = due.filter((r) => r.teamId === teamId);
    const team = await getTeam(tx, teamId);
    const weekly = mine.find((r) => r.kind === 'weekly_report');
    const month = mine.find((r) => r.kind === 'month_after') ?? mine.find((r) => r.kind === 'month_before');
    const items: ReminderItems = {
      weekStart: weekly ? isoDate(weekDays(isoWeekOf(vietnamDate(weekly.dueAt))).monday) : null,
      month: month ? monthItem(month.period, p.monthlyDay, month.kind === 'month_after') : null,
      overdueRequestIds: mine.filter((r) => r.kind === 'request_overdue').map((r) => Number(r.period)),
    };
    const leader = await findTeamLeader(tx, team.id);
    const mention = leader?.zaloUserId ? { userId: leader.zaloUserId, name: leader.displayName } : null;
    const [id] = await queueTeamMessage(tx, { cause: `reminder-${Math.min(...mine.map((r) => r.id))}`, teamId, contents: [p.text({ team, items, leader: mention })] });
    for (const r of mine) await decideReminder(tx, { id: r.id, status: 'sent', reason: null, ...(id === undefined ? {} : { outboundMessageId: id }), now: p.now });
    if (id !== undefined) outboxIds.push(id);
  }
  return outboxIds;
}

/** Requests at twice their time: one message per commune to its leaders' group. */
async function escalate(tx: Tx, due: DueReminder[], p: { now: Date; escalation: EscalationText }): Promise<number[]> {
  const outboxIds: number[] = [];
  for (const communeId of new Set(due.map((r) => r.communeId))) {
    const mine = due.filter((r) => r.communeId === communeId);
    const leaders = communeId === null ? null : await findTeamOfUnit(tx, { unitId: communeId, kind: 'commune_leaders' });
    if (!leaders?.zaloGroupId) {
      await decideReminders(tx, { ids: mine.map((r) => r.id), status: 'undeliverable', reason: 'nhóm lãnh đạo xã chưa liên kết', now: p.now });
      continue;
    }
    const [id] = await queueTeamMessage(tx, {
      cause: `escalation-${Math.min(...mine.map((r) => r.id))}`,
      teamId: leaders.id,
      contents: [p.escalation(mine.map((r) => ({ id: Number(r.period), teamName: r.teamName })))],
    });
    for (const r of mine) await decideReminder(tx, { id: r.id, status: 'sent', reason: null, ...(id === undefined ? {} : { outboundMessageId: id }), now: p.now });
    if (id !== undefined) outboxIds.push(id);
  }
  return outboxIds;
}

function monthItem(period: string, monthlyDay: number, late: boolean): ReminderItems['month'] {
  const [y, m] = period.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y ?? 0, m ?? 0, 0)).getUTCDate();
  return { label: `${String(m).padStart(2, '0')}/${y}`, deadline: `${String(Math.min(monthlyDay, lastDay)).padStart(2, '0')}/${String(m).padStart(2, '0')}`, late };
}

function at(day: CalendarDate, hour: number): Date {
  return new Date(startOfVietnamDay(day).getTime() + hour * 3_600_000);
}

export function inQuietHours(now: Date, quiet: QuietHours): boolean {
  const hour = (now.getUTCHours() + 7) % 24;
  return quiet.startHour > quiet.endHour ? hour >= quiet.startHour || hour < quiet.endHour : hour >= quiet.startHour && hour < quiet.endHour;
}
