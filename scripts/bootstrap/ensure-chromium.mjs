// @ts-check
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** Where the browser tests find Chromium (Debian's package), unless CHROMIUM_PATH says otherwise. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The Mini App's browser tests drive headless Chromium. On a fresh Debian machine, as root, it is
 * installed from the Debian packages (unless CDT_NO_INSTALL=1); otherwise the tests say it is missing.
 * @param {(m: string) => void} log
 */
export function ensureChromium(log) {
  if (existsSync(chromiumPath)) return;
  const root = process.getuid?.() === 0 && process.env.CDT_NO_INSTALL !== '1' && spawnSync('apt-get', ['--version']).status === 0;
  if (!root) {
    log(`Chromium is not at ${chromiumPath}: the Mini App's browser tests will fail (apt-get install chromium, or set CHROMIUM_PATH)`);
    return;
  }
  log('installing chromium from the Debian packages (for the Mini App browser tests)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update'], { env, stdio: 'ignore' });
  spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env, stdio: 'ignore' });
}
