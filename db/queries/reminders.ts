import { and, asc, eq, lte, sql } from 'drizzle-orm';
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

/** Due reminders, locked for this transaction; another worker's sweep skips them instead of waiting. */
export async function lockDueReminders(tx: Tx, p: { now: Date; limit: number }): Promise<ReminderRow[]> {
  return tx
    .select()
    .from(reminders)
    .where(and(eq(reminders.status, 'pending'), lte(reminders.dueAt, p.now)))
    .orderBy(asc(reminders.dueAt))
    .limit(p.limit)
    .for('update', { skipLocked: true });
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

/** Whether a team has a counted report dated in [from, to]. */
export async function teamHasReport(db: DbOrTx, p: { teamId: number; from: string; to: string }): Promise<boolean> {
  const result = await db.execute(sql`
    select 1 from reports where team_id = ${p.teamId} and undone_at is null and report_date between ${p.from}::date and ${p.to}::date limit 1`);
  return result.rows.length > 0;
}
