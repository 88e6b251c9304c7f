import { readFileSync } from 'node:fs';
import { metricIds } from '../bot/chat/group/report/metrics.ts';
import { importTargets } from '../bot/domain/imports/import-targets.ts';
import { runWithCore } from './lib/run-with-core.ts';

/** `npm run targets:import -- file.csv`: targets and populations (see scripts/samples/targets.csv). All or nothing. */
const file = process.argv[2];
if (!file) {
  console.error('usage: npm run targets:import -- file.csv   (columns: unit_code,metric,period,target)');
  process.exit(2);
}
await runWithCore('targets-import', async (core) => {
  const result = await importTargets(core.db, readFileSync(file, 'utf8'), { metricIds });
  if (!result.ok) {
    for (const p of result.problems) console.error(`${file}:${p.line}: ${p.reason}`);
    console.error(`nothing imported: ${result.problems.length} problem(s)`);
    process.exitCode = 1;
    return;
  }
  console.log(`${file}: ${result.targets} target(s) and ${result.populations} population figure(s) stored`);
});
