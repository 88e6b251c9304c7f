import { sql } from 'drizzle-orm';
import { createDb } from '../../db/client.ts';
import { withBenchPlace } from './bench-resources.ts';
import { round1, timed } from './bench-stats.ts';
import { measureLeadersInChild } from './leaders-measure.ts';
import { fullProvince, seedProvinceTeams, seedYearOfReports } from './synthetic-province.ts';

/**
 * The leaders' side at province scale: 100 communes, 1,500 villages, ~11,000 members and a year of
 * daily reports (each team reports on about 6 days in 10). Times one commune's digest, all of the
 * province's, one commune's monthly XLSX and a reminder sweep over every team, and the peak RSS of
 * the process that does it (leaders-measure.ts: a process of its own, running the code the worker
 * runs). Quick mode: a province of 10 communes.
 */
export async function leadersBench(options: { quick: boolean }): Promise<Record<string, unknown>> {
  const size = options.quick ? { ...fullProvince, communes: 10 } : fullProvince;
  return withBenchPlace('digest', async ({ databaseUrl }) => {
    const { db, close } = createDb(databaseUrl);
    try {
      const seededMs = await timed(async () => {
        await seedProvinceTeams(db, size);
        await seedYearOfReports(db, { lastDay: '2026-11-26', targetMonth: '2026-11' });
      });
      const [counts] = (await db.execute<{ reports: number; items: number }>(sql`select (select count(*) from reports)::int as reports, (select count(*) from report_items)::int as items`)).rows;
      const m = await measureLeadersInChild(databaseUrl);
      const teams = size.communes * size.villagesPerCommune;
      return {
        commune_ms: round1(m.communeMs),
        province_ms: Math.round(m.provinceMs),
        province_communes: size.communes,
        scaled_down: options.quick ? `quick mode: ${size.communes} communes instead of ${fullProvince.communes}; province_ms is for those` : false,
        monthly_xlsx_ms: round1(m.xlsxMs),
        reminder_sweep: { teams, reminders_written: m.reminders, ms: Math.round(m.sweepMs) },
        peak_rss_mib: m.peakRssMib,
        province: { communes: size.communes, villages: teams, members: teams * size.membersPerTeam, reports: counts?.reports, report_items: counts?.items, seeded_ms: Math.round(seededMs) },
        targets: { commune_ms: 100, province_ms: 3000, monthly_xlsx_ms: 1000, reminder_sweep_ms: 1000, peak_rss_mib: 400 },
        met: { commune_ms: m.communeMs < 100, province_ms: options.quick ? 'not judged: smaller province' : m.provinceMs < 3000 },
      };
    } finally {
      await close();
    }
  });
}

