import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { writeMonthReportXlsx } from '../../bot/chat/digest/month-report-xlsx.ts';
import { renderWeekDigest } from '../../bot/chat/digest/render-week-digest.ts';
import { escalationMessage, teamReminderMessage } from '../../bot/chat/digest/reminder-messages.ts';
import { buildCommuneMonthReport } from '../../bot/domain/digests/commune-month-report.ts';
import { buildCommuneWeekDigest } from '../../bot/domain/digests/commune-week-digest.ts';
import { sweepReminders } from '../../bot/domain/reminders/team-reminders.ts';
import { createDb } from '../../db/client.ts';
import { sql } from 'drizzle-orm';
import { eachConcurrently } from '../../workers/each-concurrently.ts';
import { digestConcurrency } from '../../workers/processors/send-weekly-digests.ts';
import { medianTime, timed } from './bench-stats.ts';

/** Friday 2026-11-27 15:05 in Vietnam: reminders are due, the week (2026-W48) is nearly done. */
const measuredAt = new Date('2026-11-27T08:05:00Z');

export type LeadersMeasures = { communeMs: number; provinceMs: number; xlsxMs: number; sweepMs: number; reminders: number; peakRssMib: number };

/**
 * The digest bench's timed part, in a Node process of its own as the worker that builds digests
 * is: its peak RSS is then the digests' and XLSX's, not what the bench process kept from the
 * seeding and from the benches before it (which put it over 400 MiB in a full run).
 */
export async function measureLeadersInChild(databaseUrl: string): Promise<LeadersMeasures> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/bench/leaders-measure.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    maxBuffer: 1024 * 1024,
  });
  const line = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as LeadersMeasures;
}

async function measure(databaseUrl: string): Promise<LeadersMeasures> {
  const { db, close } = createDb(databaseUrl);
  try {
    const communeIds = (await db.execute<{ id: number }>(sql`select id from org_units where kind = 'commune' order by id`)).rows.map((r) => Number(r.id));
    const week = { year: 2026, week: 47 };
    const digest = (communeId: number) => buildCommuneWeekDigest(db, { communeId, week, now: measuredAt, graceDays: 1 }).then(renderWeekDigest);
    await digest(communeIds[0] ?? 0);
    const communeMs = await medianTime(5, () => digest(communeIds[1] ?? 0));
    // As the Monday job does it: a few communes at a time.
    const provinceMs = await timed(() => eachConcurrently(communeIds, digestConcurrency, async (id) => void (await digest(id))));
    const xlsxMs = await medianTime(3, async () => writeMonthReportXlsx(await buildCommuneMonthReport(db, { communeId: communeIds[2] ?? 0, month: { y: 2026, m: 10 } }), measuredAt));
    let reminders = 0;
    const sweepMs = await timed(async () => {
      reminders = (await sweepReminders(db, { now: measuredAt, quiet: { startHour: 21, endHour: 7 }, monthlyDay: 25, text: teamReminderMessage, escalation: escalationMessage, limit: 10_000 })).length;
    });
    // maxRSS is in KiB: the process's high-water mark, start-up included, as a worker's would be.
    return { communeMs, provinceMs, xlsxMs, sweepMs, reminders, peakRssMib: Math.round(process.resourceUsage().maxRSS / 1024) };
  } finally {
    await close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('leaders-measure.ts needs DATABASE_URL (the digest bench sets it)');
  console.log(JSON.stringify(await measure(url)));
  process.exit(0);
}
