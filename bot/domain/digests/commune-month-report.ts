import type { DbOrTx } from '../../../db/client.ts';
import { listCommuneReportItems, listVillageProgress } from '../../../db/queries/commune-month.ts';
import type { MonthReportRow } from '../../../db/queries/commune-month.ts';
import { getOrgUnit, listCurrentVillages } from '../../../db/queries/org-units.ts';
import { loadCommuneProgress } from '../../../db/queries/commune-week.ts';
import type { CommuneProgress } from '../../../db/queries/commune-week.ts';
import { isoDate, isoMonth } from '../calendar.ts';
import type { Totals } from './commune-week-digest.ts';

export type YearMonth = { y: number; m: number };

export type VillageMonth = {
  villageId: number;
  name: string;
  totals: Totals;
  reports: number;
  /** The village's own targets for the month, by metric. */
  targets: Totals;
  /** Adults living there (null: no population imported) and the level-2 activations so far. */
  adults: number | null;
  level2SoFar: number;
};

export type CommuneMonthReport = {
  commune: { id: number; code: string; name: string };
  month: YearMonth;
  villages: VillageMonth[];
  totals: Totals;
  /** Every report item of the month, undone ones included, with the village it counts under. */
  rows: (MonthReportRow & { village: string })[];
  /** The month's targets against the whole month, and level-2 coverage of adults at its end. */
  progress: CommuneProgress;
};

/** A commune's month: totals per current village (merged villages under their successor) and the rows behind them. */
export async function buildCommuneMonthReport(db: DbOrTx, p: { communeId: number; month: YearMonth }): Promise<CommuneMonthReport> {
  const commune = await getOrgUnit(db, p.communeId);
  const villages = await listCurrentVillages(db, commune.id);
  const lastDay = new Date(Date.UTC(p.month.y, p.month.m, 0)).getUTCDate();
  const monthKey = isoMonth(p.month);
  const monthStart = isoDate({ y: p.month.y, m: p.month.m, d: 1 });
  const until = isoDate({ y: p.month.y, m: p.month.m, d: lastDay });
  const rows = await listCommuneReportItems(db, { communeId: commune.id, from: monthStart, to: until });
  const progress = await loadCommuneProgress(db, { communeId: commune.id, month: monthKey, monthStart, until });
  const perVillage = new Map((await listVillageProgress(db, { communeId: commune.id, month: monthKey, until })).map((v) => [v.villageId, v]));
  const names = new Map(villages.map((v) => [v.id, v.name]));
  const counted = rows.filter((r) => !r.undone);
  return {
    commune: { id: commune.id, code: commune.code, name: commune.name },
    month: p.month,
    villages: villages.map((v) => {
      const own = counted.filter((r) => r.villageId === v.id);
      const progress = perVillage.get(v.id);
      return {
        villageId: v.id,
        name: v.name,
        totals: sum(own),
        reports: new Set(own.map((r) => r.reportId)).size,
        targets: progress?.targets ?? {},
        adults: progress?.adults ?? null,
        level2SoFar: progress?.level2SoFar ?? 0,
      };
    }),
    totals: sum(counted),
    rows: rows.map((r) => ({ ...r, village: names.get(r.villageId) ?? r.madeUnder })),
    progress,
  };
}

function sum(rows: { metric: string; count: number }[]): Totals {
  const out: Totals = {};
  for (const r of rows) out[r.metric] = (out[r.metric] ?? 0) + r.count;
  return out;
}

/** "2026-11" or "11/2026" → the month, or null. */
export function parseYearMonth(text: string): YearMonth | null {
  const iso = /^(\d{4})-(\d{1,2})$/.exec(text.trim());
  const vn = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text.trim());
  const [y, m] = iso ? [Number(iso[1]), Number(iso[2])] : vn ? [Number(vn[2]), Number(vn[1])] : [0, 0];
  return y >= 2000 && m >= 1 && m <= 12 ? { y, m } : null;
}
