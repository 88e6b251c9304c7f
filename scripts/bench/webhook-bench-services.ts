import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { processCpuMs } from './bench-process.ts';
import { holdUntilReleased } from './bench-resources.ts';
import { waitUntil } from './bench-stats.ts';

export type LoggingChild = {
  running: () => boolean;
  /** CPU time (user + system) the process has used so far, in ms; NaN where /proc is not there. */
  cpuMs: () => number;
  stop: () => Promise<void>;
};

/**
 * Runs a TypeScript entry point as its own process. Its stdout (the JSON log lines, at the level
 * production uses) goes to a temporary file, as it would to a log collector: reading thousands of
 * lines a second through a pipe would cost the load generator CPU. stderr is passed through.
 * BENCH_PROFILE_DIR, as for the other benches, makes it write a V8 CPU profile there when it exits.
 */
export function launchLoggingChild(name: string, entry: string, env: NodeJS.ProcessEnv): LoggingChild {
  const logFile = path.join(os.tmpdir(), `webhook-bench-${name}-${randomBytes(4).toString('hex')}.log`);
  const out = openSync(logFile, 'w');
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', entry], { env, stdio: ['ignore', out, 'inherit'] });
  closeSync(out);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = holdUntilReleased(`process ${name} (${child.pid})`, async () => {
    if (running()) child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(force);
    rmSync(logFile, { force: true });
  });
  return { running, cpuMs: () => processCpuMs(child.pid) ?? Number.NaN, stop };
}

/** Waits until the bot on `port` answers /healthz (stopping at once if it exited); returns its webhook URL. */
export async function untilHealthy(child: LoggingChild, port: number, what: string): Promise<string> {
  await waitUntil(() => {
    // An exited child would never answer: stop waiting at once, saying so.
    if (!child.running()) throw new Error(`${what} exited while starting`);
    return fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
  }, 60_000, `${what} to answer /healthz`);
  return `http://127.0.0.1:${port}/webhooks/zalo`;
}
