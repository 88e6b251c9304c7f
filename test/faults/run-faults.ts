import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { scenarios } from './scenarios.ts';
import { settleAndCount } from './settle-and-count.ts';
import type { Tally } from './settle-and-count.ts';
import type { Secrets } from './simulated-zalo.ts';
import { startSystemUnderTest } from './system-under-test.ts';
import type { SystemUnderTest } from './system-under-test.ts';

/**
 * `npm run test:faults [-- --write] [name filter]`: runs every fault scenario against the product
 * deployed as separate processes on the suite's own Postgres and Redis, prints the summary table,
 * and with --write saves it as docs/faults.md. Exits 1 if any scenario lost, duplicated or
 * reordered a message, let a process die, or missed its recovery bar.
 */
type Row = { name: string; tally: Tally; recoveryMs: number | null; barMs: number | null; problems: string[]; notes: string[] };

async function main() {
  const write = process.argv.includes('--write');
  const filter = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const started = Date.now();
  const sut = await startSystemUnderTest({ unverifiedResendAfterSec: 8 });
  const rows: Row[] = [];
  const secrets: Secrets = { cccd: [], otp: [], phones: [] };
  let privacy: string[] = [];
  try {
    let firstUserId = 8_100_000_000_000_000_000n;
    for (const scenario of scenarios.filter((s) => !filter || s.name.toLowerCase().includes(filter.toLowerCase()))) {
      console.log(`▶ ${scenario.name}`);
      const deathsBefore = sut.unexpectedExits().length;
      const run = await scenario.run(sut, firstUserId);
      firstUserId += 1000n;
      const tally = await settleAndCount(sut, run.sim.events);
      const recoveryMs = run.faultEndedAt === null ? null : tally.settledAt - run.faultEndedAt;
      const problems = [...run.problems, ...judge(tally, recoveryMs, scenario.recoveryBarMs), ...sut.unexpectedExits().slice(deathsBefore)];
      rows.push({ name: scenario.name, tally, recoveryMs, barMs: scenario.recoveryBarMs, problems, notes: [answersSeen(run.sim.events.flatMap((e) => e.statuses)), ...run.notes] });
      for (const key of ['cccd', 'otp', 'phones'] as const) secrets[key].push(...run.sim.secrets[key]);
      console.log(`  ${problems.length === 0 ? 'ok' : `FAILED: ${problems.join('; ')}`}`);
    }
    privacy = await findPersonalData(sut, secrets);
  } finally {
    await sut.stop();
  }
  const report = renderReport(rows, privacy, secrets, Date.now() - started);
  console.log(`\n${report}`);
  if (write) writeFileSync('docs/faults.md', report);
  const failed = rows.some((r) => r.problems.length > 0) || privacy.length > 0;
  process.exit(failed ? 1 : 0);
}

/** The answers the simulated Zalo got for the residents' events, retries included. */
function answersSeen(statuses: number[]): string {
  const counts = new Map<number, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  const name = (s: number) => (s === 0 ? 'no answer (connection refused or cut)' : String(s));
  return `answers to residents' events: ${[...counts].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${name(s)} × ${n}`).join(', ')}`;
}

function judge(t: Tally, recoveryMs: number | null, barMs: number | null): string[] {
  const problems: string[] = [];
  if (t.lost > 0) problems.push(`${t.lost} accepted events lost or unanswered`);
  if (t.duplicates > 0) problems.push(`${t.duplicates} messages delivered twice`);
  if (t.outOfOrder > 0) problems.push(`${t.outOfOrder} replies out of order`);
  if (t.failedReplies.length > 0) problems.push(`replies failed: ${[...new Set(t.failedReplies)].join(' | ')}`);
  if (barMs !== null && recoveryMs !== null && recoveryMs > barMs) problems.push(`recovery took ${(recoveryMs / 1000).toFixed(1)} s (bar ${barMs / 1000} s)`);
  return problems;
}

/** Looks for every ID number and code the residents wrote in every text column and every log line. */
async function findPersonalData(sut: SystemUnderTest, secrets: Secrets): Promise<string[]> {
  const found: string[] = [];
  // Guards against a scan that proves nothing: the texts were stored (redacted) and the logs are there.
  const [stored] = await sut.query<{ n: number }>(`select count(*)::int as n from inbound_events where payload like '%[số giấy tờ đã ẩn]%'`);
  if ((stored?.n ?? 0) === 0 && secrets.cccd.length > 0) found.push('no stored message shows a redacted ID number: the scan proves nothing');
  if (!sut.logs().includes('webhook events stored')) found.push('the processes logged nothing: the scan proves nothing');
  const inData = [...secrets.cccd, ...secrets.otp];
  const columns = await sut.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'jsonb', 'json', 'character varying')`,
  );
  if (inData.length > 0) {
    // Whole numbers only: a 6-digit code also occurs by chance inside timestamps and hex ids.
    const pattern = `(^|[^0-9A-Za-z])(${inData.join('|')})([^0-9A-Za-z]|$)`;
    for (const { table_name, column_name } of columns) {
      const [row] = await sut.query<{ n: number }>(`select count(*)::int as n from "${table_name}" where "${column_name}"::text ~ $1`, [pattern]);
      if ((row?.n ?? 0) > 0) found.push(`${row?.n} rows of ${table_name}.${column_name} hold an ID number or code`);
    }
  }
  const logs = sut.logs();
  for (const secret of [...inData, ...secrets.phones]) {
    const whole = new RegExp(`(?<![0-9A-Za-z])${secret}(?![0-9A-Za-z])`);
    const line = logs.split('\n').find((l) => whole.test(l));
    if (line) found.push(`a log line holds ${secret.slice(0, 3)}…: ${line.replaceAll(secret, '«here»').slice(0, 400)}`);
  }
  return found;
}

function renderReport(rows: Row[], privacy: string[], secrets: Secrets, totalMs: number): string {
  const s = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);
  const lines = [
    '# Fault suite: latest run',
    '',
    `Command: \`npm run test:faults -- --write\`. Run on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, total ${s(totalMs)}.`,
    'The bot and the workers run as separate processes of their production entry points, against the',
    "suite's own Postgres and Redis (started on free ports) and the fake Zalo. Recovery is from the end",
    'of the fault until every accepted event is handled and every reply has reached the fake Zalo.',
    '',
    '| fault | events sent | accepted | processed | duplicates | lost | out of order | resent in doubt | recovery (bar) | result |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.tally.sent} | ${r.tally.accepted} | ${r.tally.processed} | ${r.tally.duplicates} | ${r.tally.lost} | ${r.tally.outOfOrder} | ${r.tally.possiblyDuplicate} | ${s(r.recoveryMs)} (${s(r.barMs)}) | ${r.problems.length === 0 ? 'pass' : 'FAIL'} |`,
    ),
    '',
    '## Notes',
    '',
    ...rows.flatMap((r) => [`- **${r.name}**: ${[...r.notes, ...r.problems].join('; ')}`]),
    '',
    '## Personal data after the run',
    '',
    `Residents wrote ${secrets.cccd.length} ID numbers, ${secrets.otp.length} one-time codes and ${secrets.phones.length} phone numbers.`,
    privacy.length === 0 ? 'None of the ID numbers or codes appears in any text column of any table, and none of them nor any phone number appears in any log line.' : privacy.map((p) => `- ${p}`).join('\n'),
    '',
  ];
  return lines.join('\n');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
