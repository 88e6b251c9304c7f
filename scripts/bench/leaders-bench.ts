import { sql } from 'drizzle-orm';
import { writeMonthReportXlsx } from '../../bot/chat/digest/month-report-xlsx.ts';
import { renderWeekDigest } from '../../bot/chat/digest/render-week-digest.ts';
import { escalationMessage, teamReminderMessage } from '../../bot/chat/digest/reminder-messages.ts';
import { buildCommuneMonthReport } from '../../bot/domain/digests/commune-month-report.ts';
import { buildCommuneWeekDigest } from '../../bot/domain/digests/commune-week-digest.ts';
import { sweepReminders } from '../../bot/domain/reminders/team-reminders.ts';
import { createDb } from '../../db/client.ts';
import type { Db } from '../../db/client.ts';
import { eachConcurrently } from '../../workers/each-concurrently.ts';
import { digestConcurrency } from '../../workers/processors/send-weekly-digests.ts';
import { withBenchPlace } from './bench-resources.ts';
import { medianTime, round1, timed } from './bench-stats.ts';
import { fullProvince, seedProvinceTeams, seedYearOfReports } from './synthetic-province.ts';

/** Friday 2026-11-27 15:05 in Vietnam: reminders are due, the week (2026-W48) is nearly done. */
const now = new Date('2026-11-27T08:05:00Z');

/**
 * The leaders' side at province scale: 100 communes, 1,500 villages, ~11,000 members and a year of
 * daily reports (each team reports on about 6 days in 10). Times one commune's digest, all of the
 * province's, one commune's monthly XLSX and a reminder sweep over every team, and the peak RSS of
 * this process, which runs the same code the worker runs. Quick mode: a province of 10 communes.
 */
export async function leadersBench(options: { quick: boolean }): Promise<Record<string, unknown>> {
  const size = options.quick ? { ...fullProvince, communes: 10 } : fullProvince;
  return withBenchPlace('digest', async ({ databaseUrl }) => {
    const { db, close } = createDb(databaseUrl);
    let peakRss = process.memoryUsage().rss;
    const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    try {
      const seededMs = await timed(async () => {
        await seedProvinceTeams(db, size);
        await seedYearOfReports(db, { lastDay: '2026-11-26', targetMonth: '2026-11' });
      });
      const [counts] = (await db.execute<{ reports: number; items: number }>(sql`select (select count(*) from reports)::int as reports, (select count(*) from report_items)::int as items`)).rows;
      const m = await measure(db);
      const teams = size.communes * size.villagesPerCommune;
      return {
        commune_ms: round1(m.communeMs),
        province_ms: Math.round(m.provinceMs),
        province_communes: size.communes,
        scaled_down: options.quick ? `quick mode: ${size.communes} communes instead of ${fullProvince.communes}; province_ms is for those` : false,
        monthly_xlsx_ms: round1(m.xlsxMs),
        reminder_sweep: { teams, reminders_written: m.reminders, ms: Math.round(m.sweepMs) },
        peak_rss_mib: Math.round(peakRss / 1024 / 1024),
        province: { communes: size.communes, villages: teams, members: teams * size.membersPerTeam, reports: counts?.reports, report_items: counts?.items, seeded_ms: Math.round(seededMs) },
        targets: { commune_ms: 100, province_ms: 3000, monthly_xlsx_ms: 1000, reminder_sweep_ms: 1000, peak_rss_mib: 400 },
        met: { commune_ms: m.communeMs < 100, province_ms: options.quick ? 'not judged: smaller province' : m.provinceMs < 3000 },
      };
    } finally {
      clearInterval(sample);
      await close();
    }
  });
}

async function measure(db: Db) {
  const communeIds = (await db.execute<{ id: number }>(sql`select id from org_units where kind = 'commune' order by id`)).rows.map((r) => Number(r.id));
  const week = { year: 2026, week: 47 };
  const digest = (communeId: number) => buildCommuneWeekDigest(db, { communeId, week, now, graceDays: 1 }).then(renderWeekDigest);
  await digest(communeIds[0] ?? 0);
  const communeMs = await medianTime(5, () => digest(communeIds[1] ?? 0));
  // As the Monday job does it: a few communes at a time.
  const provinceMs = await timed(() => eachConcurrently(communeIds, digestConcurrency, async (id) => void (await digest(id))));
  const xlsxMs = await medianTime(3, async () => writeMonthReportXlsx(await buildCommuneMonthReport(db, { communeId: communeIds[2] ?? 0, month: { y: 2026, m: 10 } }), now));
  let reminders = 0;
  const sweepMs = await timed(async () => {
    reminders = (await sweepReminders(db, { now, quiet: { startHour: 21, endHour: 7 }, monthlyDay: 25, text: teamReminderMessage, escalation: escalationMessage, limit: 10_000 })).length;
  });
  return { communeMs, provinceMs, xlsxMs, sweepMs, reminders };
}
