import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMonthReportXlsx, writeProvinceMonthReportXlsx } from '../../bot/chat/digest/month-report-xlsx.ts';
import { metricIds, metrics } from '../../bot/chat/group/report/metrics.ts';
import { addDays, mondayOf, vietnamDate } from '../../bot/domain/calendar.ts';
import { buildCommuneMonthReport, parseYearMonth } from '../../bot/domain/digests/commune-month-report.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { seedDemoActivity } from '../../scripts/lib/seed-demo-activity.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';

let stack: TestStack;
let communeId: number;
beforeAll(async () => {
  stack = await startTestStack({ workers: false });
  ({ communeId } = await seedDemoCommune(stack.core.db));
  await seedDemoActivity(stack.core.db, { today: new Date() });
});
afterAll(async () => {
  await stack?.close();
});

// The month of the seed's last full week: it always holds several weeks of reports.
const lastFullMonday = addDays(mondayOf(vietnamDate(new Date())), -7);
const month = { y: lastFullMonday.y, m: lastFullMonday.m };

describe('the monthly report (XLSX)', () => {
  it('reads back with villages × metrics, a total row whose formulas match, a frozen header and every report row', async () => {
    const report = await buildCommuneMonthReport(stack.core.db, { communeId, month });
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cdt-xlsx-')), 'report.xlsx');
    writeFileSync(file, await writeMonthReportXlsx(report, new Date()));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);

    const summary = book.getWorksheet('Tổng hợp');
    if (!summary) throw new Error('no summary sheet');
    expect(summary.getCell('A1').value).toBe(`BÁO CÁO THÁNG ${String(month.m).padStart(2, '0')}/${month.y} – XÃ DEMO`);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 4 });
    expect(summary.getRow(4).getCell(3).value).toBe(metrics.households_visited.label);
    const villageNames = [5, 6, 7, 8].map((r) => summary.getRow(r).getCell(1).value);
    expect(villageNames).toEqual(['Thôn Bắc', 'Thôn Đông', 'Thôn Tây', 'Tổ dân phố 1']);
    const total = summary.getRow(9);
    expect(total.getCell(1).value).toBe('Tổng cộng');
    metricIds.forEach((m, i) => {
      const column = i + 3;
      const sumOfVillages = [5, 6, 7, 8].reduce((n, r) => n + Number(summary.getRow(r).getCell(column).value), 0);
      const cell = total.getCell(column).value;
      const result = typeof cell === 'object' && cell !== null && 'result' in cell ? cell.result : cell;
      expect(result).toBe(sumOfVillages);
      if (sumOfVillages > 0) expect(cell).toMatchObject({ formula: `SUM(${summary.getColumn(column).letter}5:${summary.getColumn(column).letter}8)` });
      expect(result).toBe(report.totals[m] ?? 0);
    });
    expect(report.totals.households_visited ?? 0).toBeGreaterThan(0);

    const rows = book.getWorksheet('Chi tiết báo cáo');
    if (!rows) throw new Error('no rows sheet');
    expect(rows.rowCount - 1).toBe(report.rows.length);
    // Xóm Mới was merged into Thôn Tây: its rows say so, and count under Thôn Tây.
    const merged = report.rows.filter((r) => r.madeUnder === 'Xóm Mới');
    expect(merged.length).toBeGreaterThan(0);
    expect(new Set(merged.map((r) => r.village))).toEqual(new Set(['Thôn Tây']));
    expect(rows.getRow(1).getCell(2).value).toBe('Thôn (hiện nay)');

    // The seed sets the month's targets (700 households visited, 250 level 2) and villages' adults.
    const progress = book.getWorksheet('Chỉ tiêu và độ phủ');
    if (!progress) throw new Error('no progress sheet');
    const byLabel = new Map<string, unknown[]>();
    progress.eachRow((row, n) => {
      if (n > 1 && Array.isArray(row.values)) byLabel.set(String(row.values[1]), row.values.slice(2));
    });
    expect(byLabel.get(metrics.households_visited.label)).toEqual([700, report.totals.households_visited ?? 0, Math.round((1000 * (report.totals.households_visited ?? 0)) / 700) / 10]);
    expect(byLabel.get('Độ phủ định danh mức 2 (người trưởng thành)')?.[0]).toBe(3050);
  });

  it("--province: a sheet with one row per commune and its total, then each commune's own sheet", async () => {
    const report = await buildCommuneMonthReport(stack.core.db, { communeId, month });
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cdt-xlsx-')), 'province.xlsx');
    writeFileSync(file, await writeProvinceMonthReportXlsx({ name: 'Tỉnh Demo' }, [report], new Date()));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Toàn tỉnh', 'Xã Demo']);
    const summary = book.getWorksheet('Toàn tỉnh');
    expect(summary?.getCell('A1').value).toBe(`BÁO CÁO THÁNG ${String(month.m).padStart(2, '0')}/${month.y} – TỈNH DEMO`);
    expect(summary?.getRow(5).getCell(1).value).toBe('Xã Demo');
    expect(summary?.getRow(5).getCell(4).value).toBe(report.totals.households_visited ?? 0);
    expect(summary?.getRow(6).getCell(1).value).toBe('Tổng cộng');
  });

  it('reads months written as 2026-11 or 11/2026', () => {
    expect(parseYearMonth('2026-11')).toEqual({ y: 2026, m: 11 });
    expect(parseYearMonth('11/2026')).toEqual({ y: 2026, m: 11 });
    expect(parseYearMonth('13/2026')).toBeNull();
    expect(parseYearMonth('thang 11')).toBeNull();
  });
});
