import type { DbOrTx } from '../../../db/client.ts';
import { countCommuneHelpRequests, listVillageReporting, listVillageWeekTotals, loadCommuneProgress } from '../../../db/queries/commune-week.ts';
import type { CommuneHelpCounts, CommuneProgress } from '../../../db/queries/commune-week.ts';
import { getOrgUnit, listCurrentVillages } from '../../../db/queries/org-units.ts';
import { listTeamsNamedForMonth, listUndeliveredReminders } from '../../../db/queries/reminders.ts';
import { addDays, isoDate, isoMonth, startOfVietnamDay } from '../calendar.ts';
import type { CalendarDate } from '../calendar.ts';
import { previousWeek, weekDays } from '../iso-week.ts';
import type { IsoWeek } from '../iso-week.ts';

export type Totals = Partial<Record<string, number>>;

export type VillageWeek = { villageId: number; name: string; totals: Totals; reported: boolean; onTime: boolean };

/** One commune's week, as the leaders' digest tells it. Rates follow DHIS2: actual ÷ expected reports. */
export type CommuneWeekDigest = {
  commune: { id: number; code: string; name: string };
  week: IsoWeek;
  monday: CalendarDate;
  sunday: CalendarDate;
  totals: Totals;
  lastWeekTotals: Totals;
  villages: VillageWeek[];
  /** Villages that reported (any report dated in the week) and those that did so on time. */
  reported: number;
  onTime: number;
  help: CommuneHelpCounts;
  /** Reminders decided during the week that could not reach their team, with why. */
  undelivered: { teamName: string; reason: string }[];
  /** Teams whose month went unreported 3 days past the deadline (the ladder's last step), by month. */
  namedForMonth: { period: string; teamName: string }[];
  /** The month of the week's Sunday: its targets against the month so far, and level-2 coverage of adults. */
  progress: CommuneProgress & { month: { y: number; m: number } };
};

/**
 * Builds the digest of one commune for one week. A report is on time when it was written by the
 * end of the `graceDays`-th day after the week's Sunday (Vietnam time).
 */
export async function buildCommuneWeekDigest(db: DbOrTx, params: { communeId: number; week: IsoWeek; now: Date; graceDays: number }): Promise<CommuneWeekDigest> {
  const commune = await getOrgUnit(db, params.communeId);
  const { monday, sunday } = weekDays(params.week);
  const lastMonday = weekDays(previousWeek(params.week)).monday;
  const onTimeBy = startOfVietnamDay(addDays(sunday, 1 + params.graceDays));
  // One after another: inside a transaction they share one connection.
  const villages = await listCurrentVillages(db, commune.id);
  const totals = await listVillageWeekTotals(db, { communeId: commune.id, lastMonday: isoDate(lastMonday), monday: isoDate(monday), sunday: isoDate(sunday) });
  const reporting = await listVillageReporting(db, { communeId: commune.id, monday: isoDate(monday), sunday: isoDate(sunday), onTimeBy });
  const help = await countCommuneHelpRequests(db, { communeId: commune.id, weekStart: startOfVietnamDay(monday), weekEnd: startOfVietnamDay(addDays(sunday, 1)), now: params.now });
  const weekSpan = { communeId: commune.id, from: startOfVietnamDay(monday), to: startOfVietnamDay(addDays(sunday, 1)) };
  const undelivered = await listUndeliveredReminders(db, weekSpan);
  const namedForMonth = await listTeamsNamedForMonth(db, weekSpan);
  const month = { y: sunday.y, m: sunday.m };
  const monthKey = isoMonth(month);
  const progress = await loadCommuneProgress(db, { communeId: commune.id, month: monthKey, monthStart: `${monthKey}-01`, until: isoDate(sunday) });
  const byVillage = new Map(reporting.map((r) => [r.villageId, r]));
  const villageWeeks = villages.map((v): VillageWeek => {
    const status = byVillage.get(v.id);
    return { villageId: v.id, name: v.name, totals: sumBy(totals.filter((t) => t.villageId === v.id && t.thisWeek)), reported: status !== undefined, onTime: status?.onTime ?? false };
  });
  return {
    commune: { id: commune.id, code: commune.code, name: commune.name },
    week: params.week,
    monday,
    sunday,
    totals: sumBy(totals.filter((t) => t.thisWeek)),
    lastWeekTotals: sumBy(totals.filter((t) => !t.thisWeek)),
    villages: villageWeeks,
    reported: villageWeeks.filter((v) => v.reported).length,
    onTime: villageWeeks.filter((v) => v.onTime).length,
    help,
    undelivered,
    namedForMonth,
    progress: { ...progress, month },
  };
}

function sumBy(rows: { metric: string; total: number }[]): Totals {
  const out: Totals = {};
  for (const row of rows) out[row.metric] = (out[row.metric] ?? 0) + row.total;
  return out;
}
