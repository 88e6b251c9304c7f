import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ConfigError, loadConfig } from '../bot/config.ts';
import type { Config } from '../bot/config.ts';
import { createDb } from '../db/client.ts';
import { findZcaSession } from '../db/queries/zca-sessions.ts';
import { zcaAccountKey } from '../bot/zalo/zca/zca-session.ts';
import { createLogLineFormatter } from './local/log-line-formatter.ts';
import { isLocalMode, startLocalMode } from './local/start-local-mode.ts';
import type { LocalMode } from './local/start-local-mode.ts';
import { localBanner, readyLine, realBanner } from './local/start-banner.ts';

/**
 * `npm start` (after the bootstrap): runs the HTTP server and the workers as two processes, the way
 * production runs them, prefixes their log lines and stops both when either stops or on Ctrl-C.
 * Without Zalo credentials (and outside production) it runs in local mode: a stand-in for Zalo and
 * the simulator come up first, so one command is enough to try everything.
 */
let config: Config;
try {
  config = loadConfig();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}

const children: ChildProcess[] = [];
let stopping = false;
let local: LocalMode | null = null;
const format = await createLogLineFormatter(config.logFormat ? config.logFormat === 'pretty' : process.stdout.isTTY === true, process.stdout.isTTY === true);

/** `critical`: when it stops, everything stops. The groups listener is not: the OA keeps working without it. */
function launch(name: string, entry: string, env: NodeJS.ProcessEnv, critical = true) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`${name.padEnd(7)} | ${format(line)}`));
  }
  child.on('exit', (code, signal) => {
    console.log(`${name.padEnd(7)} | exited (${signal ?? code})`);
    if (critical || stopping) stop(code ?? 1);
  });
  children.push(child);
}

function stop(code: number) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  void local?.close();
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

if (isLocalMode(config)) {
  try {
    local = await startLocalMode(config, process.env);
  } catch (err) {
    console.error(`Local mode could not start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  console.log(localBanner(config, local));
}
// The groups listener runs only when someone has logged the group account in (npm run zalo:login).
const groupsSession = local ? null : await activeGroupSession(config.databaseUrl);
if (!local) console.log(realBanner(config, groupsSession));
const env = local ? local.env : process.env;
launch('bot', 'bot/main.ts', env);
launch('workers', 'workers/main.ts', env);
if (groupsSession) launch('groups', 'workers/groups-main.ts', env, false);
void announceReady(config, local);

/** One line once /readyz answers, since the banner has scrolled away behind the start-up logs. */
async function announceReady(c: Config, mode: LocalMode | null) {
  const readyz = `http://127.0.0.1:${c.port}/readyz`;
  for (let i = 0; i < 600 && !stopping; i++) {
    if ((await fetch(readyz).catch(() => null))?.ok) return console.log(readyLine(c, mode));
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function activeGroupSession(databaseUrl: string): Promise<string | null> {
  const { db, close } = createDb(databaseUrl);
  try {
    const row = await findZcaSession(db, zcaAccountKey);
    return row?.status === 'active' ? (row.displayName ?? row.ownUid ?? 'logged in') : null;
  } catch {
    return null;
  } finally {
    await close();
  }
}
