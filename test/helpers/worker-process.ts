import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

export type WorkerProcess = { child: ChildProcess; output: () => string; kill: (signal: NodeJS.Signals) => Promise<void> };

/** Runs `workers/main.ts` — the production entry point — as its own process with `env`. */
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  return {
    child,
    output: () => out,
    kill: (signal) =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
