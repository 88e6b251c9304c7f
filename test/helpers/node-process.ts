import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export type NodeProcess = {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
  /** Only what it wrote to stdout (for a child that answers with JSON). */
  stdout: () => string;
  /** Resolves with the exit code (or the signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running: () => boolean;
  /** Sends `signal` and waits for the exit; a process already gone resolves at once. */
  kill: (signal: NodeJS.Signals) => Promise<void>;
};

/**
 * Runs a TypeScript entry point (`workers/main.ts`, `scripts/start-all.ts`…) as its own Node
 * process, the way production runs it, with `env` on top of this process's environment.
 */
export function startNodeProcess(entry: string, env: Record<string, string>): NodeProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let stdout = '';
  child.stdout?.on('data', (d) => ((out += d), (stdout += d)));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    output: () => out,
    stdout: () => stdout,
    exited,
    running,
    async kill(signal) {
      if (!running()) return;
      child.kill(signal);
      await exited;
    },
  };
}

/**
 * Runs `check` under `what`; when it throws, the process's output is added to the error, so a
 * child that failed to start says why instead of leaving only a timeout.
 */
export async function withProcessOutput<T>(proc: Pick<NodeProcess, 'output'>, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- process output ---\n${proc.output().slice(-4000)}`, { cause: err });
  }
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
