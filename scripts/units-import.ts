import { readFileSync } from 'node:fs';
import { importUnits } from '../bot/domain/imports/import-units.ts';
import { runWithCore } from './lib/run-with-core.ts';

/**
 * `npm run units:import -- file.csv`: communes and villages (see scripts/samples/units.csv). All
 * or nothing: a file with any bad row writes nothing and lists every problem with its line.
 */
const file = process.argv[2];
if (!file) {
  console.error('usage: npm run units:import -- file.csv   (columns: code,name,kind,parent_code,valid_from,valid_to,successor_code)');
  process.exit(2);
}
await runWithCore('units-import', async (core) => {
  const result = await importUnits(core.db, readFileSync(file, 'utf8'));
  if (!result.ok) {
    for (const p of result.problems) console.error(`${file}:${p.line}: ${p.reason}`);
    console.error(`nothing imported: ${result.problems.length} problem(s)`);
    process.exitCode = 1;
    return;
  }
  console.log(`${file}: ${result.created} unit(s) created, ${result.updated} updated`);
});
