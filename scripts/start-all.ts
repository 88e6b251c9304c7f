import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ConfigError, loadConfig } from '../bot/config.ts';
import { createDb } from '../db/client.ts';
import { findZcaSession } from '../db/queries/zca-sessions.ts';
import { zcaAccountKey } from '../bot/zalo/zca/zca-session.ts';

/**
 * `npm start` (after the bootstrap): runs the HTTP server and the workers as two processes, the way
 * production runs them, prefixes their log lines and stops both when either stops or on Ctrl-C.
 */
let config;
try {
  config = loadConfig();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}

const children: ChildProcess[] = [];
let stopping = false;

/** `critical`: when it stops, everything stops. The groups listener is not: the OA keeps working without it. */
function launch(name: string, entry: string, critical = true) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`${name.padEnd(7)} | ${line}`));
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
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

launch('bot', 'bot/main.ts');
launch('workers', 'workers/main.ts');
// The groups listener runs only when someone has logged the group account in (npm run zalo:login).
const groupsSession = await activeGroupSession(config.databaseUrl);
if (groupsSession) launch('groups', 'workers/groups-main.ts', false);

const base = `http://localhost:${config.port}`;
console.log(
  [
    '',
    `  Bot:      ${base}`,
    `  Webhook:  ${base}/webhooks/zalo   (point your Zalo app's webhook here through HTTPS)`,
    `  Health:   ${base}/healthz   Ready: ${base}/readyz`,
    `  Zalo:     ${config.zalo ? `OA ${config.zalo.oaId}` : 'not configured — set the ZALO_* variables (see README)'}`,
    `  Groups:   ${groupsSession ? `personal account ${groupsSession} (zca-js) listening` : 'personal account not logged in (npm run zalo:login) — GMF groups still work'}`,
    '  Stop with Ctrl-C.',
    '',
  ].join('\n'),
);

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
