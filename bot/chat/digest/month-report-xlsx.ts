import ExcelJS from 'exceljs';
import { dayMonth, monthYear, vietnamDate } from '../../domain/calendar.ts';
import type { CommuneMonthReport, VillageMonth } from '../../domain/digests/commune-month-report.ts';
import { metricIds, metrics } from '../group/report/metrics.ts';
import { percentOf } from '../../domain/digests/percent.ts';

const headerRow = 4;
/** A spreadsheet has no time zone: write the time as people in Vietnam read it. */
const vietnamTime = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const headerFont: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFFFFFFF' } };

/**
 * The monthly report as an XLSX: villages × metrics with a total row, each village's targets and
 * coverage (formulas with their values cached, so any reader shows the numbers), a title naming the
 * commune and the month, a frozen header, a second sheet with every report row so each number can
 * be traced to who sent it, and a third with the commune's targets and coverage as a whole.
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
  const columns: Column<CommuneMonthReport>[] = [
    { title: 'Xã / phường', width: 26, text: (r) => r.commune.name },
    { title: 'Thôn có báo cáo', text: (r) => `${r.villages.filter((v) => v.reports > 0).length}/${r.villages.length}` },
    { title: 'Số báo cáo', count: (r) => r.villages.reduce((n, v) => n + v.reports, 0) },
    ...metricIds.map((m): Column<CommuneMonthReport> => ({ title: metrics[m].label, count: (r) => r.totals[m] ?? 0 })),
  ];
  const title = `BÁO CÁO THÁNG ${first ? monthLabel(first) : ''} – ${province.name.toUpperCase()}`;
  writeTable(book.addWorksheet('Toàn tỉnh', { views: [{ state: 'frozen', xSplit: 1, ySplit: headerRow }] }), {
    title,
    subtitle: `${reports.length} xã, phường · lập ngày ${dayMonth(vietnamDate(now))}`,
    columns,
    rows: reports,
  });
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

/**
 * A column of a summary table: text, a count (summed in the total row), or a percentage of two
 * count columns, written as a formula on every row so a reader can see how it was reached.
 */
type Column<R> = { title: string; width?: number } & (
  | { text: (row: R) => string }
  | { count: (row: R) => number | null }
  | { percentOf: { done: string; of: string } }
);

/** A titled table under a styled, frozen header with a "Tổng cộng" row; formulas carry their values. */
function writeTable<R>(sheet: ExcelJS.Worksheet, t: { title: string; subtitle: string; columns: Column<R>[]; rows: R[] }) {
  sheet.mergeCells(1, 1, 1, t.columns.length);
  sheet.getCell(1, 1).value = t.title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = t.subtitle;
  styleHeader(sheet.getRow(headerRow), t.columns.map((c) => c.title));
  const letterOf = new Map(t.columns.map((c, i) => [c.title, sheet.getColumn(i + 1).letter]));
  const first = headerRow + 1;
  const totalRow = headerRow + t.rows.length + 1;
  const values: (number | null)[][] = t.rows.map((row) => t.columns.map((c) => ('count' in c ? c.count(row) : null)));
  const totals = t.columns.map((_, i) => values.reduce((n, v) => n + (v[i] ?? 0), 0));
  const valueOf = (rowIndex: number | 'total', title: string) => {
    const i = t.columns.findIndex((c) => c.title === title);
    return rowIndex === 'total' ? (totals[i] ?? 0) : (values[rowIndex]?.[i] ?? null);
  };
  const percentCell = (line: number, rowIndex: number | 'total', of: { done: string; of: string }): ExcelJS.CellValue => {
    const done = valueOf(rowIndex, of.done);
    const result = done === null ? null : percentOf(done, valueOf(rowIndex, of.of) ?? 0);
    return result === null ? null : { formula: `ROUND(100*${letterOf.get(of.done)}${line}/${letterOf.get(of.of)}${line},1)`, result };
  };
  t.rows.forEach((row, r) => {
    const line = first + r;
    sheet.getRow(line).values = t.columns.map((c) => ('text' in c ? c.text(row) : 'count' in c ? c.count(row) : percentCell(line, r, c.percentOf)));
  });
  const total = sheet.getRow(totalRow);
  total.getCell(1).value = 'Tổng cộng';
  t.columns.forEach((c, i) => {
    if (i === 0 || 'text' in c) return;
    if ('percentOf' in c) {
      total.getCell(i + 1).value = percentCell(totalRow, 'total', c.percentOf);
      return;
    }
    const letter = sheet.getColumn(i + 1).letter;
    const result = totals[i] ?? 0;
    // exceljs drops a cached result of 0, which would leave some readers showing an empty cell.
    total.getCell(i + 1).value = t.rows.length > 0 && result > 0 ? { formula: `SUM(${letter}${first}:${letter}${totalRow - 1})`, result } : result;
  });
  total.font = { bold: true };
  t.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width ?? 14));
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

/**
 * A commune's villages × metrics, then for each metric a village has a target for this month the
 * target and the share reached, then adults, level-2 activations so far and coverage, where known.
 */
function addSummarySheet(book: ExcelJS.Workbook, report: CommuneMonthReport, now: Date, name = 'Tổng hợp') {
  const targeted = metricIds.filter((m) => report.villages.some((v) => v.targets[m] !== undefined));
  const withPopulation = report.villages.some((v) => v.adults !== null);
  const columns: Column<VillageMonth>[] = [
    { title: 'Thôn / tổ dân phố', width: 24, text: (v) => v.name },
    { title: 'Số báo cáo', count: (v) => v.reports },
    ...metricIds.map((m): Column<VillageMonth> => ({ title: metrics[m].label, count: (v) => v.totals[m] ?? 0 })),
    ...targeted.flatMap((m): Column<VillageMonth>[] => [
      { title: `Chỉ tiêu: ${metrics[m].label}`, count: (v) => v.targets[m] ?? null },
      { title: `Đạt chỉ tiêu (%): ${metrics[m].label}`, percentOf: { done: metrics[m].label, of: `Chỉ tiêu: ${metrics[m].label}` } },
    ]),
    ...(withPopulation
      ? [
          { title: 'Người trưởng thành', count: (v: VillageMonth) => v.adults },
          { title: 'Đã kích hoạt mức 2 (lũy kế)', count: (v: VillageMonth) => v.level2SoFar },
          { title: 'Độ phủ mức 2 (%)', percentOf: { done: 'Đã kích hoạt mức 2 (lũy kế)', of: 'Người trưởng thành' } },
        ]
      : []),
  ];
  writeTable(book.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: headerRow }] }), {
    title: `BÁO CÁO THÁNG ${monthLabel(report)} – ${report.commune.name.toUpperCase()}`,
    subtitle: `Tổ công nghệ số cộng đồng · tổng hợp từ báo cáo của các tổ, lập ngày ${dayMonth(vietnamDate(now))}`,
    columns,
    rows: report.villages,
  });
}

/** Targets of the month (the commune's and its villages') against the month, and level-2 coverage. */
function addProgressSheet(book: ExcelJS.Workbook, report: CommuneMonthReport) {
  const sheet = listSheet(book, 'Chỉ tiêu và độ phủ', [
    { header: 'Chỉ số', key: 'metric', width: 30 },
    { header: 'Chỉ tiêu tháng', key: 'target', width: 16 },
    { header: 'Đã làm', key: 'done', width: 12 },
    { header: 'Tỷ lệ (%)', key: 'percent', width: 12 },
  ]);
  for (const t of report.progress.monthTargets) {
    sheet.addRow({ metric: metricLabel(t.metric), target: t.target, done: t.done, percent: percentOf(t.done, t.target) });
  }
  const { adults, level2SoFar } = report.progress;
  if (adults > 0) sheet.addRow({ metric: 'Độ phủ định danh mức 2 (người trưởng thành)', target: adults, done: level2SoFar, percent: percentOf(level2SoFar, adults) });
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
