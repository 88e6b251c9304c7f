// @ts-check
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { run } from './run.mjs';

/**
 * Installs npm dependencies when node_modules is missing or older than the lock file.
 * @param {string} root @param {(m: string) => void} log
 */
export async function ensureDependencies(root, log) {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log('installing dependencies (npm ci)…');
  await run('npm', ['ci', '--no-audit', '--no-fund']);
}
