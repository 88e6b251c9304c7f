import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { holdUntilReleased } from './bench-resources.ts';

export type BenchChild = {
  process: ChildProcess;
  /** CPU time (user + system) the process has used so far, in ms; null where /proc is not there. */
  cpuMs: () => number | null;
  stop: () => Promise<void>;
};

/**
 * Runs a TypeScript entry point (bot/main.ts, workers/main.ts) as its own process, the way
 * production runs it. Its output goes to stderr, prefixed with `name`, so the JSON on stdout stays
 * clean; it is stopped (SIGTERM, then waited for) by `stop` or, on Ctrl-C, with the run's leftovers.
 */
export function launchChild(name: string, entry: string, env: NodeJS.ProcessEnv): BenchChild {
  // BENCH_PROFILE_DIR: each child writes a V8 CPU profile there when it exits (to see where a figure goes).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => console.error(`${name} | ${line}`));
  const stop = holdUntilReleased(`process ${name} (${child.pid})`, () => stopChild(child));
  return { process: child, cpuMs: () => processCpuMs(child.pid), stop };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  // A process that ignores SIGTERM for long would hold the bench's database open; it is killed.
  const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(force);
}

/** Linux counts a process's CPU time in /proc/<pid>/stat, fields 14 and 15, in 1/100 s (USER_HZ). */
export function processCpuMs(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** The processes running under the command name `name` (Linux /proc/<pid>/comm, e.g. `postgres`); none where /proc is not there. */
export function pidsNamed(name: string): number[] {
  try {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}

/** CPU time so far of `pids` together, in ms (those that have exited count as 0). */
export function processesCpuMs(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + (processCpuMs(pid) ?? 0), 0);
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}
