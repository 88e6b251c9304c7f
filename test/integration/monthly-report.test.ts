import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, ne } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeMonthReportXlsx, writeProvinceMonthReportXlsx } from '../../bot/chat/digest/month-report-xlsx.ts';
import { metricIds, metrics } from '../../bot/chat/group/report/metrics.ts';
import { addDays, mondayOf, vietnamDate } from '../../bot/domain/calendar.ts';
import { buildCommuneMonthReport, parseYearMonth } from '../../bot/domain/digests/commune-month-report.ts';
import { loadCommuneProgress } from '../../db/queries/commune-week.ts';
import { targets } from '../../db/schema/index.ts';
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

    // Each village's own target and the share reached, then adults, level 2 so far and coverage.
    const header = new Map<string, number>();
    summary.getRow(4).eachCell((cell, column) => header.set(String(cell.value), column));
    const level2 = metrics.vneid_level2.label;
    const columnOf = (title: string) => {
      const column = header.get(title);
      if (!column) throw new Error(`no column "${title}"`);
      return column;
    };
    const valueAt = (row: number, title: string) => {
      const cell = summary.getRow(row).getCell(columnOf(title)).value;
      return typeof cell === 'object' && cell !== null && 'result' in cell ? cell.result : cell;
    };
    expect(header.has(`Chỉ tiêu: ${metrics.households_visited.label}`)).toBe(false);
    const tay = report.villages.find((v) => v.name === 'Thôn Tây');
    expect(tay).toMatchObject({ targets: { vneid_level2: 60 }, adults: 720 });
    expect(valueAt(7, `Chỉ tiêu: ${level2}`)).toBe(60);
    expect(valueAt(7, `Đạt chỉ tiêu (%): ${level2}`)).toBe(Math.round((1000 * (tay?.totals.vneid_level2 ?? 0)) / 60) / 10);
    const percentCell = summary.getRow(7).getCell(columnOf(`Đạt chỉ tiêu (%): ${level2}`)).value;
    expect(percentCell).toMatchObject({ formula: `ROUND(100*${summary.getColumn(columnOf(level2)).letter}7/${summary.getColumn(columnOf(`Chỉ tiêu: ${level2}`)).letter}7,1)` });
    expect(valueAt(7, 'Người trưởng thành')).toBe(720);
    expect(valueAt(7, 'Đã kích hoạt mức 2 (lũy kế)')).toBe(tay?.level2SoFar);
    expect(valueAt(7, 'Độ phủ mức 2 (%)')).toBe(Math.round((1000 * (tay?.level2SoFar ?? 0)) / 720) / 10);
    // The total row: targets and adults add up; its percentages are of the totals, not sums of percentages.
    expect(valueAt(9, `Chỉ tiêu: ${level2}`)).toBe(250);
    expect(valueAt(9, 'Người trưởng thành')).toBe(3050);
    const level2Done = report.villages.reduce((n, v) => n + (v.totals.vneid_level2 ?? 0), 0);
    expect(valueAt(9, `Đạt chỉ tiêu (%): ${level2}`)).toBe(Math.round((1000 * level2Done) / 250) / 10);

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
    // The commune's own target counts once, not added to its villages' breakdown of it.
    expect(byLabel.get(metrics.vneid_level2.label)?.[0]).toBe(250);
    expect(byLabel.get('Độ phủ định danh mức 2 (người trưởng thành)')?.[0]).toBe(3050);
  });

  it("counts a commune's own target once, and its villages' targets added up where it set none", async () => {
    const key = `${month.y}-${String(month.m).padStart(2, '0')}`;
    const progress = () => loadCommuneProgress(stack.core.db, { communeId, month: key, monthStart: `${key}-01`, until: `${key}-28` });
    expect((await progress()).monthTargets.find((t) => t.metric === 'vneid_level2')?.target).toBe(250);
    await stack.core.db.delete(targets).where(and(eq(targets.unitId, communeId), eq(targets.metric, 'vneid_level2'), eq(targets.period, key)));
    // 70 + 60 + 45 + 75, the villages' breakdown in the seed.
    expect((await progress()).monthTargets.find((t) => t.metric === 'vneid_level2')?.target).toBe(250);
    await stack.core.db.update(targets).set({ target: 100 }).where(and(eq(targets.metric, 'vneid_level2'), eq(targets.period, key), ne(targets.unitId, communeId)));
    expect((await progress()).monthTargets.find((t) => t.metric === 'vneid_level2')?.target).toBe(400);
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
