import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../client.ts';
import { reminders } from '../schema/index.ts';

export type ReminderRow = typeof reminders.$inferSelect;

/** Plans the week's report reminder of every current village team; existing rows stay as they are. */
export async function planWeeklyReportReminders(db: DbOrTx, p: { period: string; dueAt: Date }): Promise<number> {
  const result = await db.execute(sql`
    insert into reminders (team_id, kind, period, due_at)
    select t.id, 'weekly_report', ${p.period}, ${p.dueAt.toISOString()}::timestamptz
      from teams t join org_units u on u.id = t.unit_id
     where t.kind = 'village' and u.valid_to is null
    on conflict (team_id, kind, period) do nothing`);
  return result.rowCount ?? 0;
}

export type DueReminder = ReminderRow & { teamName: string; teamLinked: boolean; reportedInWeek: boolean; weekOver: boolean };

/**
 * Due reminders with what deciding them needs (the team, whether it reported in the reminder's week,
 * whether that week is over), in one query; locked for this transaction, and another worker's sweep
 * skips them instead of waiting.
 */
export async function lockDueReminders(tx: Tx, p: { now: Date; limit: number }): Promise<DueReminder[]> {
  const result = await tx.execute<{ id: number; team_name: string; linked: boolean; reported: boolean; week_over: boolean }>(sql`
    with due as (
      select r.id, r.team_id, date_trunc('week', r.due_at at time zone 'Asia/Ho_Chi_Minh')::date as monday
        from reminders r
       where r.status = 'pending' and r.due_at <= ${p.now.toISOString()}::timestamptz
       order by r.due_at
       limit ${p.limit}
         for update of r skip locked)
    select due.id, t.name as team_name, t.zalo_group_id is not null as linked,
           exists (select 1 from reports rp where rp.team_id = due.team_id and rp.undone_at is null
                     and rp.report_date between due.monday and due.monday + 6) as reported,
           due.monday + 7 <= (${p.now.toISOString()}::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date as week_over
      from due join teams t on t.id = due.team_id`);
  const ids = result.rows.map((r) => Number(r.id));
  if (ids.length === 0) return [];
  const rows = new Map((await tx.select().from(reminders).where(inArray(reminders.id, ids))).map((r) => [r.id, r]));
  return result.rows.flatMap((r) => {
    const row = rows.get(Number(r.id));
    return row ? [{ ...row, teamName: r.team_name, teamLinked: r.linked, reportedInWeek: r.reported, weekOver: r.week_over }] : [];
  });
}

/** Settles many reminders the same way at once (skipped or undeliverable, with one reason). */
export async function decideReminders(db: DbOrTx, p: { ids: number[]; status: 'skipped' | 'undeliverable'; reason: string; now: Date }): Promise<void> {
  if (p.ids.length === 0) return;
  await db.update(reminders).set({ status: p.status, reason: p.reason, decidedAt: p.now }).where(inArray(reminders.id, p.ids));
}

export async function decideReminder(db: DbOrTx, p: { id: number; status: 'sent' | 'skipped' | 'undeliverable'; reason: string | null; outboundMessageId?: number; now: Date }): Promise<void> {
  await db
    .update(reminders)
    .set({ status: p.status, reason: p.reason, outboundMessageId: p.outboundMessageId ?? null, decidedAt: p.now })
    .where(eq(reminders.id, p.id));
}

/** Reminders of a commune's village teams that could not be delivered during [from, to). */
export async function listUndeliveredReminders(db: DbOrTx, p: { communeId: number; from: Date; to: Date }): Promise<{ teamName: string; reason: string }[]> {
  const result = await db.execute<{ team_name: string; reason: string | null }>(sql`
    select t.name as team_name, r.reason
      from reminders r join teams t on t.id = r.team_id join org_units u on u.id = t.unit_id
     where u.parent_id = ${p.communeId} and r.status = 'undeliverable'
       and r.decided_at >= ${p.from.toISOString()}::timestamptz and r.decided_at < ${p.to.toISOString()}::timestamptz
     order by t.name`);
  return result.rows.map((r) => ({ teamName: r.team_name, reason: r.reason ?? '' }));
}
