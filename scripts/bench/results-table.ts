import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { isRecord } from './bench-list.ts';

/** One row of the results table: the figure's path in the JSON, its unit, and the target it is judged by. */
type Row = { figure: string; path: string; unit: string; target: string; pass?: (x: number) => boolean; reference?: string; fullOnly?: boolean };

const rows: Row[] = [
  { figure: 'webhook throughput, 50 in flight', path: 'webhook.throughput', unit: 'events/s', reference: 'webhook.reference_throughput', target: '≥ 0.4 × bare route' },
  { figure: 'webhook ratio to the bare route', path: 'webhook.ratio', unit: '×', target: '≥ 0.4', pass: (x) => x >= 0.4 },
  { figure: 'webhook p99 at 1,000 events/s open loop', path: 'webhook.p99_ms', unit: 'ms', target: '< 100', pass: (x) => x < 100 },
  { figure: 'webhook events lost', path: 'webhook.lost', unit: '', target: '0', pass: (x) => x === 0 },
  { figure: 'webhook events stored twice', path: 'webhook.duplicates', unit: '', target: '0', pass: (x) => x === 0 },
  { figure: 'end to end p50', path: 'e2e.p50_ms', unit: 'ms', target: '—' },
  { figure: 'end to end p99 at 200 msg/s', path: 'e2e.p99_ms', unit: 'ms', target: '< 150', pass: (x) => x < 150 },
  { figure: 'residents answered per worker process', path: 'e2e.residents_per_s_per_worker', unit: '/s', target: '≥ 200', pass: (x) => x >= 200 },
  { figure: 'intents per CPU-second', path: 'nlu.intents_per_s', unit: '/s', target: '≥ 20,000', pass: (x) => x >= 20_000 },
  { figure: 'report parses per CPU-second', path: 'nlu.reports_per_s', unit: '/s', target: '—' },
  { figure: 'classifier memory', path: 'nlu.model_mib', unit: 'MiB', target: '< 20', pass: (x) => x < 20 },
  { figure: 'classifier training', path: 'nlu.train_ms', unit: 'ms', target: '—' },
  { figure: 'fan-out delivered rate', path: 'fanout.achieved_per_s', unit: '/s', reference: 'fanout.limit_per_s', target: 'the limit ± 5%' },
  { figure: 'fan-out rate error', path: 'fanout.rate_error_pct', unit: '%', target: '≤ 5', pass: (x) => x <= 5 },
  { figure: 'fan-out duplicates', path: 'fanout.duplicates', unit: '', target: '0', pass: (x) => x === 0 },
  { figure: 'fan-out rows lost', path: 'fanout.lost', unit: '', target: '0', pass: (x) => x === 0 },
  { figure: 'fan-out at a higher limit (headroom, not judged)', path: 'fanout.at_higher_limit.achieved_per_s', unit: '/s', reference: 'fanout.at_higher_limit.limit_per_s', target: '—' },
  { figure: 'sends per worker CPU-second', path: 'fanout.messages_per_worker_cpu_s', unit: '/s', target: '—' },
  { figure: "one commune's weekly digest", path: 'digest.commune_ms', unit: 'ms', target: '< 100', pass: (x) => x < 100 },
  { figure: 'every commune of the province', path: 'digest.province_ms', unit: 'ms', target: '< 3,000 (100 communes)', pass: (x) => x < 3000, fullOnly: true },
  { figure: 'monthly XLSX', path: 'digest.monthly_xlsx_ms', unit: 'ms', target: '< 1,000', pass: (x) => x < 1000 },
  { figure: 'digest peak RSS', path: 'digest.peak_rss_mib', unit: 'MiB', target: '< 400', pass: (x) => x < 400 },
  { figure: 'Mini App JS, gzipped', path: 'miniapp.js_gzip_kb', unit: 'KB', target: '< 300', pass: (x) => x < 300 },
  { figure: 'Mini App first screen, cold, 3G', path: 'miniapp.first_screen_cold_ms', unit: 'ms', target: '< 1,500', pass: (x) => x < 1500 },
  { figure: 'Mini App first screen, returning', path: 'miniapp.first_screen_returning_ms', unit: 'ms', target: '< 1,500', pass: (x) => x < 1500 },
];

function at(report: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), report);
}

/** A figure, or why there is none: its bench failed, has not landed, or did not run. */
function cell(report: unknown, path: string): string {
  const value = at(report, path);
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (value !== undefined && value !== null) return String(value);
  const bench = at(report, path.split('.')[0] ?? '');
  if (isRecord(bench) && 'error' in bench) return 'failed';
  if (isRecord(bench) && 'pending' in bench) return 'pending';
  return bench === undefined ? 'not run' : '—';
}

/** The markdown table of docs/benchmarks.md, from one report of `npm run bench`. */
export function resultsTable(report: unknown): string {
  const lines = ['| figure | measured | reference | target | met |', '|---|---|---|---|---|'];
  for (const row of rows) {
    const value = at(report, row.path);
    const unit = typeof value === 'number' && row.unit ? ` ${row.unit}` : '';
    const reference = row.reference ? cell(report, row.reference) : '';
    const judged = !(row.fullOnly && at(report, 'mode') === 'quick');
    const met = typeof value === 'number' && row.pass ? (!judged ? 'quick: smaller' : row.pass(value) ? 'yes' : '**no**') : '';
    lines.push(`| ${row.figure} | ${cell(report, row.path)}${unit} | ${reference} | ${row.target} | ${met} |`);
  }
  return lines.join('\n');
}

/** The report in what `npm run bench` printed: npm's own "> script" lines come before it. */
export function reportOf(printed: string): unknown {
  const start = printed.search(/^\{/m);
  return JSON.parse(start === -1 ? printed : printed.slice(start));
}

// `node --import tsx scripts/bench/results-table.ts < report.json`
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(resultsTable(reportOf(readFileSync(0, 'utf8'))));
}
