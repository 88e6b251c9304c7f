import type { TeamRow } from '../../../db/queries/teams.ts';
import { vietnamDate } from '../../domain/calendar.ts';
import { buildCommuneMonthReport } from '../../domain/digests/commune-month-report.ts';
import type { YearMonth } from '../../domain/digests/commune-month-report.ts';
import { getOrgUnit } from '../../../db/queries/org-units.ts';
import { metricLines } from '../group/report-replies.ts';
import { reply } from '../group/group-turn.ts';
import type { GroupTurn } from '../group/group-turn.ts';
import { digestTexts as t } from './digest-texts.vi.ts';
import { reportLinkDays } from './report-links.ts';

/**
 * `/baocaothang [MM/YYYY]` in the leaders' group: the month's totals in the chat, and the XLSX as a
 * signed download link (Zalo group messages cannot carry a file from us), or, without a public
 * address, the command that makes the file.
 */
export async function replyMonthReport(turn: GroupTurn & { team: TeamRow }, asked: YearMonth | null): Promise<void> {
  if (turn.team.kind !== 'commune_leaders') return reply(turn, t.leadersOnly);
  const month = asked ?? lastMonth(turn.now);
  const report = await buildCommuneMonthReport(turn.db, { communeId: turn.team.unitId, month });
  const label = `${String(month.m).padStart(2, '0')}/${month.y}`;
  const lines = metricLines(report.totals).map((l) => `• ${l}`);
  const reported = report.villages.filter((v) => v.reports > 0).length;
  const link = turn.reportLinks
    ? t.monthLink(turn.reportLinks.monthReportUrl(turn.team.unitId, month, turn.now), reportLinkDays)
    : t.monthNoLink(`npm run report:month -- --commune ${(await getOrgUnit(turn.db, turn.team.unitId)).code} --month ${month.y}-${String(month.m).padStart(2, '0')} --out bao-cao.xlsx`);
  const body = lines.length > 0 ? lines.join('\n') : t.nothingReported;
  reply(turn, [t.monthTitle(label, report.commune.name), body, t.monthVillages(reported, report.villages.length), link].join('\n\n'));
}

function lastMonth(now: Date): YearMonth {
  const today = vietnamDate(now);
  return today.m === 1 ? { y: today.y - 1, m: 12 } : { y: today.y, m: today.m - 1 };
}
