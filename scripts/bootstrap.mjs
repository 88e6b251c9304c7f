// @ts-check
// Entry point of `npm start`, `npm test` and `npm run bench`. Plain JavaScript with no dependencies,
// because it runs before `npm ci` has installed anything: installs dependencies when missing, makes
// sure Postgres and Redis answer (starting or installing them when it can), then runs the app, the
// checks or the benchmarks.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './bootstrap/ensure-dependencies.mjs';
import { ensureServices } from './bootstrap/ensure-services.mjs';
import { ensureChromium } from './bootstrap/ensure-chromium.mjs';
import { run, sendChildOutputToStderr } from './bootstrap/run.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2];
process.chdir(root);

// A local .env is optional; variables already in the environment win.
if (existsSync('.env')) process.loadEnvFile('.env');

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/cdt';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// The bench's stdout is its JSON report: everything else goes to stderr.
if (mode === 'bench') sendChildOutputToStderr();
const log = (/** @type {string} */ msg) => (mode === 'bench' ? console.error : console.log)(`[${mode}] ${msg}`);

try {
  await ensureDependencies(root, log);
  if (mode === 'start') {
    await ensureServices({ databaseUrl, redisUrl, root, log, createDatabase: true });
    await run('npx', ['tsx', 'scripts/db-migrate.ts']);
    // The bot serves the Mini App (beside the simulator in local mode); a fresh clone has no build yet.
    if (!existsSync(path.join(root, 'miniapp', 'www', 'index.html'))) {
      log('building the Mini App (first start only)…');
      await run('npm', ['run', '--silent', 'build:miniapp']);
    }
    await run('npx', ['tsx', 'scripts/start-all.ts']);
  } else if (mode === 'test') {
    const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? testDatabaseOf(databaseUrl);
    const testRedisUrl = process.env.TEST_REDIS_URL ?? redisUrl;
    await ensureServices({ databaseUrl: testDatabaseUrl, redisUrl: testRedisUrl, root, log, createDatabase: false });
    const env = { TEST_DATABASE_URL: testDatabaseUrl, TEST_REDIS_URL: testRedisUrl };
    log('typecheck');
    await run('npx', ['tsc', '-p', '.'], env);
    log('lint');
    await run('npx', ['eslint', '.'], env);
    log('Mini App: typecheck and build');
    await run('npx', ['tsc', '-p', 'miniapp'], env);
    await run('npm', ['run', '--silent', 'build:miniapp'], env);
    ensureChromium(log);
    log('tests');
    await run('npx', ['vitest', 'run', ...process.argv.slice(3)], env);
    // The whole suite, not a chosen file: the fault suite runs too.
    if (process.argv.length === 3) await runFaults(testDatabaseUrl, testRedisUrl);
  } else if (mode === 'bench') {
    await ensureServices({ databaseUrl, redisUrl, root, log, createDatabase: false });
    // The Mini App bench measures the built app in Chromium; a fresh clone has neither.
    if (benchesAsked(process.argv.slice(3)).includes('miniapp')) {
      if (!existsSync(path.join(root, 'miniapp', 'www', 'index.html'))) {
        log('building the Mini App…');
        await run('npm', ['run', '--silent', 'build:miniapp']);
      }
      ensureChromium(log);
    }
    await run(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/bench/index.ts', ...process.argv.slice(3)], {}, 'inherit');
  } else if (mode === 'faults') {
    await runFaults(process.env.TEST_DATABASE_URL ?? testDatabaseOf(databaseUrl), process.env.TEST_REDIS_URL ?? redisUrl);
  } else {
    throw new Error('usage: node scripts/bootstrap.mjs start|test|faults|bench');
  }
} catch (err) {
  console.error(`\n[${mode}] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

/**
 * The fault suite starts its own Postgres and Redis from the Debian packages' binaries; making sure
 * the usual services run also installs those packages on a fresh machine.
 * @param {string} testDatabaseUrl @param {string} testRedisUrl
 */
async function runFaults(testDatabaseUrl, testRedisUrl) {
  await ensureServices({ databaseUrl: testDatabaseUrl, redisUrl: testRedisUrl, root, log, createDatabase: false });
  log('fault suite (own Postgres and Redis on free ports)');
  await run('npx', ['tsx', 'test/faults/run-faults.ts', ...(mode === 'faults' ? process.argv.slice(3) : [])]);
}

/**
 * The benches `--only a,b` (or `--only=a,b`) names; without it, the Mini App's among all of them.
 * scripts/bench/bench-args.ts checks the arguments properly once the bench starts.
 * @param {string[]} args
 */
function benchesAsked(args) {
  const at = args.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (at === -1) return ['miniapp'];
  const value = args[at] === '--only' ? (args[at + 1] ?? '') : (args[at] ?? '').slice('--only='.length);
  return value.split(',').map((n) => n.trim());
}

/**
 * Tests use `<database>_test` beside the app's database (`cdt` gives `cdt_test`); each run then
 * creates `<that>_<run id>_…` databases and drops them when it ends.
 * @param {string} url
 */
function testDatabaseOf(url) {
  const u = new URL(url);
  u.pathname = `/${u.pathname.slice(1) || 'cdt'}_test`;
  return u.toString();
}
