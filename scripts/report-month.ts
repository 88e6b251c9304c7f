import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeMonthReportXlsx } from '../bot/chat/digest/month-report-xlsx.ts';
import { buildCommuneMonthReport, parseYearMonth } from '../bot/domain/digests/commune-month-report.ts';
import { findOrgUnitByCode } from '../db/queries/org-units.ts';
import { runWithCore } from './lib/run-with-core.ts';

/** `npm run report:month -- --commune <code> --month YYYY-MM --out file.xlsx`: the monthly report of one commune. */
const usage = 'usage: npm run report:month -- --commune <code> --month YYYY-MM --out file.xlsx';
const { values } = parseArgs({ options: { commune: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' } } });
const month = values.month ? parseYearMonth(values.month) : null;
if (!values.commune || !month || !values.out) {
  console.error(values.month && !month ? `"${values.month}" is not a month such as 2026-11\n${usage}` : usage);
  process.exit(2);
}
const { commune: code, out } = values;
await runWithCore('report-month', async (core) => {
  const commune = await findOrgUnitByCode(core.db, code);
  if (!commune || commune.kind !== 'commune') throw new Error(`no commune with code "${code}"`);
  const report = await buildCommuneMonthReport(core.db, { communeId: commune.id, month });
  writeFileSync(out, await writeMonthReportXlsx(report, new Date()));
  console.log(`${out}: ${commune.name}, ${String(month.m).padStart(2, '0')}/${month.y}, ${report.villages.length} villages, ${new Set(report.rows.map((r) => r.reportId)).size} reports`);
});
