// @ts-check
// Entry point of `npm start` and `npm test`. Plain JavaScript with no dependencies, because it runs
// before `npm ci` has installed anything: installs dependencies when missing, makes sure Postgres and
// Redis answer (starting or installing them when it can), then runs the app or the checks.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './bootstrap/ensure-dependencies.mjs';
import { ensureServices } from './bootstrap/ensure-services.mjs';
import { run } from './bootstrap/run.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2];
process.chdir(root);

// A local .env is optional; variables already in the environment win.
if (existsSync('.env')) process.loadEnvFile('.env');

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/cdt';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const log = (/** @type {string} */ msg) => console.log(`[${mode}] ${msg}`);

try {
  await ensureDependencies(root, log);
  if (mode === 'start') {
    await ensureServices({ databaseUrl, redisUrl, root, log, createDatabase: true });
    await run('npx', ['tsx', 'scripts/db-migrate.ts']);
    await run('npx', ['tsx', 'scripts/start-all.ts']);
  } else if (mode === 'test') {
    const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? withDatabase(databaseUrl, 'cdt_test');
    const testRedisUrl = process.env.TEST_REDIS_URL ?? redisUrl;
    await ensureServices({ databaseUrl: testDatabaseUrl, redisUrl: testRedisUrl, root, log, createDatabase: false });
    const env = { TEST_DATABASE_URL: testDatabaseUrl, TEST_REDIS_URL: testRedisUrl };
    log('typecheck');
    await run('npx', ['tsc', '-p', '.'], env);
    log('lint');
    await run('npx', ['eslint', '.'], env);
    log('tests');
    await run('npx', ['vitest', 'run', ...process.argv.slice(3)], env);
  } else {
    throw new Error('usage: node scripts/bootstrap.mjs start|test');
  }
} catch (err) {
  console.error(`\n[${mode}] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

/** @param {string} url @param {string} name */
function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
