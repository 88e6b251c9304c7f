import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../client.ts';
import { reminders } from '../schema/index.ts';
import { communeAndMerged, communeTodayOf } from './org-units.ts';

const vietnameseOrder = new Intl.Collator('vi', { numeric: true });

export type ReminderRow = typeof reminders.$inferSelect;

type PlannedKind = 'weekly_report' | 'month_before' | 'month_after' | 'month_named';

/** Plans one reminder of `kind` for every current village team; rows that exist stay as they are. */
export async function planTeamReminders(db: DbOrTx, p: { kind: PlannedKind; period: string; dueAt: Date }): Promise<number> {
  const result = await db.execute(sql`
    insert into reminders (team_id, kind, period, due_at)
    select t.id, ${p.kind}::reminder_kind, ${p.period}, ${p.dueAt.toISOString()}::timestamptz
      from teams t join org_units u on u.id = t.unit_id
     where t.kind = 'village' and u.valid_to is null
    on conflict (team_id, kind, period) do nothing`);
  return result.rowCount ?? 0;
}

/**
 * Plans the reminders of residents' requests past their due time: to the team when overdue, to the
 * leaders at twice the time allowed. The period is the request's id.
 */
export async function planRequestReminders(db: DbOrTx, p: { now: Date }): Promise<void> {
  await db.execute(sql`
    insert into reminders (team_id, kind, period, due_at)
    select h.team_id, k.kind::reminder_kind, h.id::text, case when k.kind = 'request_overdue' then h.due_at else h.due_at + (h.due_at - h.created_at) end
      from help_requests h cross join (values ('request_overdue'), ('request_escalation')) k(kind)
     where h.status in ('open', 'claimed') and h.due_at <= ${p.now.toISOString()}::timestamptz
    on conflict (team_id, kind, period) do nothing`);
}

export type DueReminder = ReminderRow & {
  teamName: string;
  teamLinked: boolean;
  communeId: number | null;
  /** Whether what the reminder asks for is still owed: no report in its week or month, the request still open. */
  owed: boolean;
  /** More than a day past its due time (e.g. after an outage): too late to ask. */
  moot: boolean;
};

/**
 * Due reminders with what deciding them needs, in one query; locked for this transaction, and
 * another worker's sweep skips them instead of waiting.
 */
export async function lockDueReminders(tx: Tx, p: { now: Date; limit: number }): Promise<DueReminder[]> {
  const now = p.now.toISOString();
  const result = await tx.execute<{ id: number; team_name: string; linked: boolean; commune_id: number | null; owed: boolean; moot: boolean }>(sql`
    with due as (
      select r.id, r.team_id, r.kind, r.period, r.due_at, (r.due_at at time zone 'Asia/Ho_Chi_Minh')::date as due_day
        from reminders r
       where r.status = 'pending' and r.due_at <= ${now}::timestamptz
       order by r.due_at
       limit ${p.limit}
         for update of r skip locked),
    span as (
      select due.*, case when due.kind = 'weekly_report' then date_trunc('week', due.due_day)::date
                         when due.kind::text like 'month%' then to_date(due.period || '-01', 'YYYY-MM-DD') end as first_day,
                    case when due.kind = 'weekly_report' then date_trunc('week', due.due_day)::date + 6
                         when due.kind::text like 'month%' then (to_date(due.period || '-01', 'YYYY-MM-DD') + interval '1 month' - interval '1 day')::date end as last_day
        from due)
    select span.id, t.name as team_name, t.zalo_group_id is not null as linked,
           -- The commune today: the village's own, or the one that replaced it after a merger.
           ${communeTodayOf(sql`u.parent_id`)} as commune_id,
           case when span.kind::text like 'request%' then exists (select 1 from help_requests h where h.id = span.period::int and h.status in ('open', 'claimed'))
                else not exists (select 1 from reports rp where rp.team_id = span.team_id and rp.undone_at is null and rp.report_date between span.first_day and span.last_day) end as owed,
           -- A team reminder more than a day late (an outage) is not worth sending; requests stay relevant while open.
           span.kind::text not like 'request%' and span.due_at + interval '1 day' < ${now}::timestamptz as moot
      from span join teams t on t.id = span.team_id join org_units u on u.id = t.unit_id`);
  const ids = result.rows.map((r) => Number(r.id));
  if (ids.length === 0) return [];
  const rows = new Map((await tx.select().from(reminders).where(inArray(reminders.id, ids))).map((r) => [r.id, r]));
  return result.rows.flatMap((r) => {
    const row = rows.get(Number(r.id));
    return row ? [{ ...row, teamName: r.team_name, teamLinked: r.linked, communeId: r.commune_id === null ? null : Number(r.commune_id), owed: r.owed, moot: r.moot }] : [];
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
     where u.parent_id in ${communeAndMerged(p.communeId)} and r.status = 'undeliverable'
       and r.decided_at >= ${p.from.toISOString()}::timestamptz and r.decided_at < ${p.to.toISOString()}::timestamptz
     order by t.name`);
  return result.rows.map((r) => ({ teamName: r.team_name, reason: r.reason ?? '' })).sort((a, b) => vietnameseOrder.compare(a.teamName, b.teamName));
}

/** Teams of a commune whose month went unreported 3 days past the deadline, named during [from, to). */
export async function listTeamsNamedForMonth(db: DbOrTx, p: { communeId: number; from: Date; to: Date }): Promise<{ period: string; teamName: string }[]> {
  const result = await db.execute<{ period: string; name: string }>(sql`
    select r.period, t.name from reminders r join teams t on t.id = r.team_id join org_units u on u.id = t.unit_id
     where u.parent_id in ${communeAndMerged(p.communeId)} and r.kind = 'month_named' and r.reason = 'named in the digest'
       and r.decided_at >= ${p.from.toISOString()}::timestamptz and r.decided_at < ${p.to.toISOString()}::timestamptz
     order by r.period, t.name`);
  // Sorted here: the database's collation may put "Đông" after "Tây".
  return result.rows.map((r) => ({ period: r.period, teamName: r.name })).sort((a, b) => a.period.localeCompare(b.period) || vietnameseOrder.compare(a.teamName, b.teamName));
}
