import { loadConfig } from '../../bot/config.ts';
import { parseBenchArgs } from './bench-args.ts';
import type { BenchArgs } from './bench-args.ts';
import { listBenches } from './bench-list.ts';
import type { BenchEntry } from './bench-list.ts';
import { benchRunId } from './bench-resources.ts';
import { describeMachine, loadNow } from './machine-info.ts';
import { measureBurstCost } from './burst-cost.ts';

/**
 * `npm run bench [-- --quick] [-- --only nlu,fanout]`: runs the benches one after another and prints
 * ONE JSON object on stdout: the mode, the machine, and one key per bench. Progress and the child
 * processes' logs go to stderr. A bench that fails is reported under its key as `{ error }`, the
 * others still run, and the exit code is 1.
 */
async function main(): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    return 2;
  }
  const { entries, defaults } = listBenches();
  const unknown = (args.only ?? []).filter((n) => !entries.some((e) => e.name === n));
  if (unknown.length > 0) {
    console.error(`unknown bench ${unknown.join(', ')}: choose from ${entries.map((e) => e.name).join(', ')}`);
    return 2;
  }
  const selected = entries.filter((e) => (args.only ?? defaults).includes(e.name));
  const loadAtStart = loadNow();
  const startedAt = new Date();
  // Before the benches, while nothing of ours runs (about 2 s).
  const burstCost = measureBurstCost();
  const { results, seconds, failed } = await runAll(selected, args.quick);
  const config = loadConfig();
  const report = {
    mode: args.quick ? 'quick' : 'full',
    run_id: benchRunId,
    started_at: startedAt.toISOString(),
    duration_s: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
    benches: selected.map((e) => e.name),
    seconds,
    failed,
    machine: await describeMachine({ databaseUrl: config.databaseUrl, redisUrl: config.redisUrl, loadAtStart, burstCost }),
    ...results,
  };
  await new Promise<void>((resolve) => process.stdout.write(`${JSON.stringify(report, null, 2)}\n`, () => resolve()));
  return failed.length > 0 ? 1 : 0;
}

async function runAll(selected: BenchEntry[], quick: boolean) {
  const results: Record<string, unknown> = {};
  const seconds: Record<string, number> = {};
  const failed: string[] = [];
  for (const entry of selected) {
    if ('pending' in entry) {
      results[entry.name] = { pending: entry.pending, see: 'pipeline' };
      continue;
    }
    console.error(`bench ${entry.name} (${quick ? 'quick' : 'full'}), load ${loadNow().join(' ')}…`);
    const started = Date.now();
    try {
      results[entry.name] = await entry.run({ quick });
    } catch (err) {
      console.error(`bench ${entry.name} failed:`, err);
      results[entry.name] = { error: err instanceof Error ? err.message : String(err) };
      failed.push(entry.name);
    }
    seconds[entry.name] = Math.round((Date.now() - started) / 100) / 10;
    console.error(`bench ${entry.name} done in ${seconds[entry.name]} s`);
  }
  return { results, seconds, failed };
}

// Only the JSON report belongs on stdout: anything a bench's code prints goes to stderr instead.
// Ctrl-C: bench-resources.ts removes the run's databases, Redis keys and processes.
console.log = console.error;
process.exit(await main());
