import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ConfigError, loadConfig } from '../bot/config.ts';

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

function launch(name: string, entry: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`${name.padEnd(7)} | ${line}`));
  }
  child.on('exit', (code, signal) => {
    console.log(`${name.padEnd(7)} | exited (${signal ?? code})`);
    stop(code ?? 1);
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

const base = `http://localhost:${config.port}`;
console.log(
  [
    '',
    `  Bot:      ${base}`,
    `  Webhook:  ${base}/webhooks/zalo   (point your Zalo app's webhook here through HTTPS)`,
    `  Health:   ${base}/healthz   Ready: ${base}/readyz`,
    `  Zalo:     ${config.zalo ? `OA ${config.zalo.oaId}` : 'not configured — set the ZALO_* variables (see README)'}`,
    '  Stop with Ctrl-C.',
    '',
  ].join('\n'),
);
