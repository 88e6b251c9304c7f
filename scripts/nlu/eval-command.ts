import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateFile } from './evaluate-set.ts';
import type { SetReport } from './evaluate-set.ts';

/** The sets `npm run nlu -- eval` measures when given no files: held-out first, then the dev sets. */
export const heldOutDir = fileURLToPath(new URL('../../test/nlu/heldout/', import.meta.url));
export const devDir = fileURLToPath(new URL('../../test/nlu/dev/', import.meta.url));

export function defaultSets(): string[] {
  return [heldOutDir, devDir].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => `${dir}${f}`));
}

/**
 * `npm run nlu -- eval [file.jsonl …] [--quiet]`: for each labelled set, the accuracy, the
 * confusion (expected → got, how often) and every miss. `--quiet` leaves out the misses.
 */
export function runEval(args: string[]): SetReport[] {
  const quiet = args.includes('--quiet');
  const files = args.filter((a) => !a.startsWith('--'));
  const reports = (files.length > 0 ? files : defaultSets()).map(evaluateFile);
  for (const r of reports) {
    const figures = Object.entries(r.figures).map(([k, v]) => `${k}=${v}`).join(' ');
    console.log(`\n${r.name} (${r.kind}): ${(r.accuracy * 100).toFixed(1)}% of ${r.total}${figures ? `  ${figures}` : ''}`);
    if (r.confusion.length > 0) console.log('  confusion (expected → got):');
    for (const [pair, n] of r.confusion) console.log(`    ${String(n).padStart(3)} × ${pair}`);
    if (!quiet) for (const miss of r.misses) console.log(`    ${miss}`);
  }
  return reports;
}
