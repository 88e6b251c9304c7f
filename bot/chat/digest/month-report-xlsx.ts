import ExcelJS from 'exceljs';
import { dayMonth, monthYear, vietnamDate } from '../../domain/calendar.ts';
import type { CommuneMonthReport } from '../../domain/digests/commune-month-report.ts';
import { metricIds, metrics } from '../group/report/metrics.ts';

const headerRow = 4;
/** A spreadsheet has no time zone: write the time as people in Vietnam read it. */
const vietnamTime = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const headerFont: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };

/**
 * The monthly report as an XLSX: villages × metrics with a total row (formulas with their values
 * cached, so any reader shows the numbers), a title naming the commune and the month, a frozen
 * header, and a second sheet with every report row so each number can be traced to who sent it.
 */
export async function writeMonthReportXlsx(report: CommuneMonthReport, now: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Trợ lý Tổ công nghệ số cộng đồng';
  book.created = now;
  addSummarySheet(book, report, now);
  addRowsSheet(book, report);
  addProgressSheet(book, report);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function monthLabel(report: CommuneMonthReport): string {
  return monthYear(report.month);
}

/**
 * A province's month: a first sheet with one row per commune and a total row, then each commune's
 * summary sheet (named after the commune). The per-report rows stay in the communes' own files.
 */
export async function writeProvinceMonthReportXlsx(province: { name: string }, reports: CommuneMonthReport[], now: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Trợ lý Tổ công nghệ số cộng đồng';
  book.created = now;
  const first = reports[0];
  const sheet = book.addWorksheet('Toàn tỉnh', { views: [{ state: 'frozen', xSplit: 1, ySplit: headerRow }] });
  const columns = ['Xã / phường', 'Thôn có báo cáo', 'Số báo cáo', ...metricIds.map((m) => metrics[m].label)];
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getCell(1, 1).value = `BÁO CÁO THÁNG ${first ? monthLabel(first) : ''} – ${province.name.toUpperCase()}`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = `${reports.length} xã, phường · lập ngày ${dayMonth(vietnamDate(now))}`;
  styleHeader(sheet.getRow(headerRow), columns);
  reports.forEach((r, i) => {
    const reported = r.villages.filter((v) => v.reports > 0).length;
    sheet.getRow(headerRow + 1 + i).values = [r.commune.name, `${reported}/${r.villages.length}`, r.villages.reduce((n, v) => n + v.reports, 0), ...metricIds.map((m) => r.totals[m] ?? 0)];
  });
  addTotalRow(sheet, reports.length, 3, reports.map((r) => [r.villages.reduce((n, v) => n + v.reports, 0), ...metricIds.map((m) => r.totals[m] ?? 0)]));
  sheet.getColumn(1).width = 26;
  const used = new Set<string>(['Toàn tỉnh']);
  for (const report of reports) addSummarySheet(book, report, now, uniqueSheetName(report.commune.name, used));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Excel allows 31 characters and none of []:*?/\ in a sheet name, and no two alike. */
function uniqueSheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28).trim() || 'Xã';
  let candidate = base;
  for (let n = 2; used.has(candidate); n++) candidate = `${base} ${n}`;
  used.add(candidate);
  return candidate;
}

function styleHeader(header: ExcelJS.Row, columns: string[]) {
  columns.forEach((title, i) => {
    const cell = header.getCell(i + 1);
    cell.value = title;
    cell.fill = headerFill;
    cell.font = headerFont;
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  header.height = 45;
}

/** Sums of `rows` under the data, from column `firstColumn` on, as formulas with their values cached. */
function addTotalRow(sheet: ExcelJS.Worksheet, count: number, firstColumn: number, rows: number[][]) {
  const first = headerRow + 1;
  const last = headerRow + count;
  const total = sheet.getRow(last + 1);
  total.getCell(1).value = 'Tổng cộng';
  const width = rows[0]?.length ?? 0;
  for (let i = 0; i < width; i++) {
    const result = rows.reduce((n, r) => n + (r[i] ?? 0), 0);
    const column = sheet.getColumn(firstColumn + i).letter;
    // exceljs drops a cached result of 0, which would leave some readers showing an empty cell.
    total.getCell(firstColumn + i).value = count > 0 && result > 0 ? { formula: `SUM(${column}${first}:${column}${last})`, result } : result;
  }
  total.font = { bold: true };
}

function addSummarySheet(book: ExcelJS.Workbook, report: CommuneMonthReport, now: Date, name = 'Tổng hợp') {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: headerRow }] });
  const columns = ['Thôn / tổ dân phố', 'Số báo cáo', ...metricIds.map((m) => metrics[m].label)];
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getCell(1, 1).value = `BÁO CÁO THÁNG ${monthLabel(report)} – ${report.commune.name.toUpperCase()}`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = `Tổ công nghệ số cộng đồng · tổng hợp từ báo cáo của các tổ, lập ngày ${dayMonth(vietnamDate(now))}`;
  styleHeader(sheet.getRow(headerRow), columns);
  report.villages.forEach((village, i) => {
    sheet.getRow(headerRow + 1 + i).values = [village.name, village.reports, ...metricIds.map((m) => village.totals[m] ?? 0)];
  });
  addTotalRow(sheet, report.villages.length, 2, report.villages.map((v) => [v.reports, ...metricIds.map((m) => v.totals[m] ?? 0)]));
  sheet.getColumn(1).width = 24;
  for (let c = 2; c <= columns.length; c++) sheet.getColumn(c).width = 14;
}

/** Targets of the month (the commune's and its villages') against the month, and level-2 coverage. */
function addProgressSheet(book: ExcelJS.Workbook, report: CommuneMonthReport) {
  const sheet = listSheet(book, 'Chỉ tiêu và độ phủ', [
    { header: 'Chỉ số', key: 'metric', width: 30 },
    { header: 'Chỉ tiêu tháng', key: 'target', width: 16 },
    { header: 'Đã làm', key: 'done', width: 12 },
    { header: 'Tỷ lệ (%)', key: 'percent', width: 12 },
  ]);
  const percent = (done: number, of: number) => (of > 0 ? Math.round((1000 * done) / of) / 10 : null);
  for (const t of report.progress.monthTargets) {
    sheet.addRow({ metric: metricLabel(t.metric), target: t.target, done: t.done, percent: percent(t.done, t.target) });
  }
  const { adults, level2SoFar } = report.progress;
  if (adults > 0) sheet.addRow({ metric: 'Độ phủ định danh mức 2 (người trưởng thành)', target: adults, done: level2SoFar, percent: percent(level2SoFar, adults) });
}

function addRowsSheet(book: ExcelJS.Workbook, report: CommuneMonthReport) {
  const sheet = listSheet(book, 'Chi tiết báo cáo', [
    { header: 'Ngày', key: 'date', width: 12 },
    { header: 'Thôn (hiện nay)', key: 'village', width: 22 },
    { header: 'Báo cáo tại', key: 'madeUnder', width: 22 },
    { header: 'Người báo cáo', key: 'member', width: 22 },
    { header: 'Chỉ số', key: 'metric', width: 28 },
    { header: 'Số lượng', key: 'count', width: 10 },
    { header: 'Gửi lúc', key: 'createdAt', width: 20 },
    { header: 'Đã hủy', key: 'undone', width: 9 },
  ]);
  for (const row of report.rows) {
    const label = metricLabel(row.metric);
    sheet.addRow({ date: row.reportDate, village: row.village, madeUnder: row.madeUnder, member: row.member, metric: label, count: row.count, createdAt: vietnamTime.format(row.createdAt), undone: row.undone ? 'có' : '' });
  }
}

/** A sheet of rows under one styled header line that stays in view. */
function listSheet(book: ExcelJS.Workbook, name: string, columns: Partial<ExcelJS.Column>[]): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).eachCell((cell) => {
    cell.fill = headerFill;
    cell.font = headerFont;
  });
  return sheet;
}

function metricLabel(metric: string): string {
  const id = metricIds.find((m) => m === metric);
  return id ? metrics[id].label : metric;
}
