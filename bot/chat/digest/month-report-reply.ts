import type { DbOrTx } from '../../../db/client.ts';
import type { TeamRow } from '../../../db/queries/teams.ts';
import { isoMonth, monthYear, vietnamDate } from '../../domain/calendar.ts';
import { buildCommuneMonthReport } from '../../domain/digests/commune-month-report.ts';
import type { YearMonth } from '../../domain/digests/commune-month-report.ts';
import { metricLines } from '../group/report-replies.ts';
import { reply } from '../group/group-turn.ts';
import type { GroupTurn } from '../group/group-turn.ts';
import { digestTexts as t } from './digest-texts.vi.ts';
import { reportLinkDays } from './report-links.ts';
import type { ReportLinks } from './report-links.ts';

/** `/baocaothang [MM/YYYY]` in the leaders' group; no month means last month. */
export async function replyMonthReport(turn: GroupTurn & { team: TeamRow }, asked: YearMonth | null): Promise<void> {
  if (turn.team.kind !== 'commune_leaders') return reply(turn, t.leadersOnly);
  reply(turn, await monthReportText(turn.db, { communeId: turn.team.unitId, month: asked ?? lastMonth(turn.now), links: turn.reportLinks, now: turn.now }));
}

/**
 * The month's totals for the chat, and the XLSX as a signed download link (a group message from
 * us cannot carry a file), or, without a public address, the command that makes the file.
 */
export async function monthReportText(db: DbOrTx, p: { communeId: number; month: YearMonth; links: ReportLinks | null; now: Date }): Promise<string> {
  const report = await buildCommuneMonthReport(db, { communeId: p.communeId, month: p.month });
  const lines = metricLines(report.totals).map((l) => `• ${l}`);
  const reported = report.villages.filter((v) => v.reports > 0).length;
  const link = p.links
    ? t.monthLink(p.links.monthReportUrl(p.communeId, p.month, p.now), reportLinkDays)
    : t.monthNoLink(`npm run report:month -- --commune ${report.commune.code} --month ${isoMonth(p.month)} --out bao-cao.xlsx`);
  return [t.monthTitle(monthYear(p.month), report.commune.name), lines.length > 0 ? lines.join('\n') : t.nothingReported, t.monthVillages(reported, report.villages.length), link].join('\n\n');
}

export function lastMonth(now: Date): YearMonth {
  const today = vietnamDate(now);
  return today.m === 1 ? { y: today.y - 1, m: 12 } : { y: today.y, m: today.m - 1 };
}
