import { monthYear } from '../bot/domain/calendar.ts';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeMonthReportXlsx, writeProvinceMonthReportXlsx } from '../bot/chat/digest/month-report-xlsx.ts';
import { buildCommuneMonthReport, parseYearMonth } from '../bot/domain/digests/commune-month-report.ts';
import { findOrgUnitByCode, listCurrentCommunes } from '../db/queries/org-units.ts';
import { runWithCore } from './lib/run-with-core.ts';

/**
 * `npm run report:month -- --commune <code> | --province <code> --month YYYY-MM --out file.xlsx`: the
 * monthly report of one commune, or of a province (a summary sheet, then one sheet per commune).
 */
const usage = 'usage: npm run report:month -- (--commune <code> | --province <code>) --month YYYY-MM --out file.xlsx';
const { values } = parseArgs({ options: { commune: { type: 'string' }, province: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' } } });
const month = values.month ? parseYearMonth(values.month) : null;
const unitCode = values.commune ?? values.province;
if (!unitCode || (values.commune && values.province) || !month || !values.out) {
  console.error(values.month && !month ? `"${values.month}" is not a month such as 2026-11\n${usage}` : usage);
  process.exit(2);
}
const { out } = values;
const kind = values.province ? 'province' : 'commune';
await runWithCore('report-month', async (core) => {
  const unit = await findOrgUnitByCode(core.db, unitCode);
  if (!unit || unit.kind !== kind) throw new Error(`no ${kind} with code "${unitCode}"`);
  if (kind === 'commune') {
    const report = await buildCommuneMonthReport(core.db, { communeId: unit.id, month });
    writeFileSync(out, await writeMonthReportXlsx(report, new Date()));
    console.log(`${out}: ${unit.name}, ${monthYear(month)}, ${report.villages.length} villages, ${new Set(report.rows.map((r) => r.reportId)).size} reports`);
    return;
  }
  const reports = [];
  for (const commune of await listCurrentCommunes(core.db, unit.id)) reports.push(await buildCommuneMonthReport(core.db, { communeId: commune.id, month }));
  writeFileSync(out, await writeProvinceMonthReportXlsx(unit, reports, new Date()));
  console.log(`${out}: ${unit.name}, ${monthYear(month)}, ${reports.length} communes`);
});
