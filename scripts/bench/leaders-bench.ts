import { sql } from 'drizzle-orm';
import { writeMonthReportXlsx } from '../../bot/chat/digest/month-report-xlsx.ts';
import { renderWeekDigest } from '../../bot/chat/digest/render-week-digest.ts';
import { escalationMessage, teamReminderMessage } from '../../bot/chat/digest/reminder-messages.ts';
import { loadConfig } from '../../bot/config.ts';
import { buildCommuneMonthReport } from '../../bot/domain/digests/commune-month-report.ts';
import { buildCommuneWeekDigest } from '../../bot/domain/digests/commune-week-digest.ts';
import { sweepReminders } from '../../bot/domain/reminders/team-reminders.ts';
import { createDb } from '../../db/client.ts';
import type { Db } from '../../db/client.ts';
import { recreateBenchDatabase } from './pipeline-bench.ts';
import { eachConcurrently } from '../../workers/each-concurrently.ts';
import { digestConcurrency } from '../../workers/processors/send-weekly-digests.ts';

const communes = 100;
const villagesPerCommune = 15;
const membersPerTeam = 7;
/** Friday 2026-11-27 15:05 in Vietnam: reminders are due, the week (2026-W48) is nearly done. */
const now = new Date('2026-11-27T08:05:00Z');

/**
 * The leaders' side at province scale: 100 communes, 1,500 villages, ~11,000 members and a year of
 * daily reports (each team reports on about 6 days in 10). Times one commune's digest, all 100, one
 * commune's monthly XLSX and a reminder sweep over 1,500 teams, and the peak RSS of this process,
 * which runs the same code the worker runs.
 */
export async function leadersBench(): Promise<Record<string, unknown>> {
  const databaseUrl = await recreateBenchDatabase(loadConfig().databaseUrl, 'leaders_bench');
  const { db, close } = createDb(databaseUrl);
  let peakRss = process.memoryUsage().rss;
  const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  try {
    const seededMs = await timed(() => seedProvince(db));
    const [counts] = (await db.execute<{ reports: number; items: number }>(sql`select (select count(*) from reports)::int as reports, (select count(*) from report_items)::int as items`)).rows;
    const communeIds = (await db.execute<{ id: number }>(sql`select id from org_units where kind = 'commune' order by id`)).rows.map((r) => Number(r.id));
    const week = { year: 2026, week: 47 };
    const digest = (communeId: number) => buildCommuneWeekDigest(db, { communeId, week, now, graceDays: 1 }).then(renderWeekDigest);
    await digest(communeIds[0] ?? 0);
    const oneDigestMs = await median(5, () => digest(communeIds[1] ?? 0));
    // As the Monday job does it: a few communes at a time.
    const allDigestsMs = await timed(() => eachConcurrently(communeIds, digestConcurrency, async (id) => void (await digest(id))));
    const xlsxMs = await median(3, async () => writeMonthReportXlsx(await buildCommuneMonthReport(db, { communeId: communeIds[2] ?? 0, month: { y: 2026, m: 10 } }), now));
    let reminders = 0;
    const sweepMs = await timed(async () => {
      reminders = (await sweepReminders(db, { now, quiet: { startHour: 21, endHour: 7 }, monthlyDay: 25, text: teamReminderMessage, escalation: escalationMessage, limit: 10_000 })).length;
    });
    return {
      bench: 'leaders',
      province: { communes, villages: communes * villagesPerCommune, members: communes * villagesPerCommune * membersPerTeam, reports: counts?.reports, reportItems: counts?.items, seededMs: Math.round(seededMs) },
      oneCommuneDigestMs: round(oneDigestMs),
      allCommuneDigestsMs: Math.round(allDigestsMs),
      monthlyXlsxMs: round(xlsxMs),
      reminderSweep: { teams: communes * villagesPerCommune, sent: reminders, ms: Math.round(sweepMs) },
      peakRssMiB: Math.round(peakRss / 1024 / 1024),
      targets: { oneDigestMs: 100, allDigestsMs: 3000, xlsxMs: 1000, sweepMs: 1000, peakRssMiB: 400 },
    };
  } finally {
    clearInterval(sample);
    await close();
  }
}

/** Everything in SQL: generating half a million reports row by row from Node would take minutes. */
async function seedProvince(db: Db): Promise<void> {
  await db.execute(sql`insert into org_units (code, name, kind, valid_from) values ('bench-tinh', 'Tỉnh Bench', 'province', '2025-07-01')`);
  await db.execute(sql`
    insert into org_units (code, name, kind, parent_id, valid_from)
    select 'bench-xa-' || c, 'Xã ' || c, 'commune', (select id from org_units where code = 'bench-tinh'), '2025-07-01' from generate_series(1, ${communes}) c`);
  await db.execute(sql`
    insert into org_units (code, name, kind, parent_id, valid_from)
    select 'bench-xa-' || c || '-thon-' || v, 'Thôn ' || v, 'village', (select id from org_units where code = 'bench-xa-' || c), '2025-07-01'
      from generate_series(1, ${communes}) c, generate_series(1, ${villagesPerCommune}) v`);
  await db.execute(sql`
    insert into teams (unit_id, kind, name, zalo_group_id, group_transport)
    select id, 'village', 'Tổ CNSCĐ ' || name || ' ' || code, 'g-' || code, 'gmf' from org_units where kind = 'village'`);
  await db.execute(sql`insert into teams (unit_id, kind, name) select id, 'commune_leaders', 'Lãnh đạo ' || name from org_units where kind = 'commune'`);
  await db.execute(sql`
    insert into members (team_id, display_name, role)
    select t.id, 'Thành viên ' || m, case when m = 1 then 'team_leader'::member_role else 'member'::member_role end
      from teams t, generate_series(1, ${membersPerTeam}) m where t.kind = 'village'`);
  await db.execute(sql`
    insert into unit_populations (unit_id, adults, households) select id, 600 + (id % 400), 200 + (id % 150) from org_units where kind = 'village'`);
  // A year of days; each team reports on a day when a hash of (team, day) says so (~60%).
  await db.execute(sql`
    create temporary table bench_days as
    select t.id as team_id, d::date as day, (select id from members where team_id = t.id and role = 'team_leader' limit 1) as member_id
      from teams t, generate_series('2025-11-28'::date, '2026-11-26'::date, interval '1 day') d
     where t.kind = 'village' and abs(hashtext(t.id || ':' || d::date)) % 10 < 6`);
  await db.execute(sql`
    insert into inbound_events (source, event_name, dedupe_key, payload, status, received_at)
    select 'zca', 'bench_report', 'bench:' || team_id || ':' || day, '{}', 'processed', day + time '19:00' from bench_days`);
  await db.execute(sql`
    insert into reports (team_id, member_id, report_date, inbound_event_id, created_at)
    select b.team_id, b.member_id, b.day, e.id, b.day + time '19:00'
      from bench_days b join inbound_events e on e.dedupe_key = 'bench:' || b.team_id || ':' || b.day`);
  await db.execute(sql`
    insert into report_items (report_id, metric, count)
    select r.id, m.metric, 1 + abs(hashtext(r.id || m.metric)) % 20
      from reports r cross join (values ('households_visited'), ('people_guided'), ('vneid_level2')) m(metric)`);
  await db.execute(sql`insert into targets (unit_id, metric, period, target) select id, 'vneid_level2', '2026-11', 900 from org_units where kind = 'commune'`);
  await db.execute(sql`analyze`);
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timed(work));
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
