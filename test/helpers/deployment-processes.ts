import { freePort, startNodeProcess } from './node-process.ts';
import type { NodeProcess } from './node-process.ts';
import { waitFor } from './wait-for.ts';

export type BotProcess = { url: string; proc: NodeProcess };

/**
 * Several bots and workers of one deployment, each its production entry point (bot/main.ts,
 * workers/main.ts) as its own process with `env` (plus a port of its own for each bot). Resolves
 * once every bot answers /healthz and every worker process logged that its workers started (so
 * `env` must log at info level or lower), or fails with the output of the process that did not.
 */
export type DeploymentProcesses = {
  bots: BotProcess[];
  workers: NodeProcess[];
  /** Every process's output, labelled, for a failing assertion's message. */
  output: () => string;
  stop: () => Promise<void>;
};

export async function startDeploymentProcesses(env: Record<string, string>, counts: { bots: number; workers: number }, timeoutMs = 60_000): Promise<DeploymentProcesses> {
  const bots: BotProcess[] = [];
  for (let i = 0; i < counts.bots; i += 1) {
    const port = await freePort();
    bots.push({ url: `http://127.0.0.1:${port}`, proc: startNodeProcess('bot/main.ts', { ...env, PORT: String(port) }) });
  }
  const workers = Array.from({ length: counts.workers }, () => startNodeProcess('workers/main.ts', env));
  const all = [...bots.map((b, i) => [`bot ${i + 1}`, b.proc] as const), ...workers.map((w, i) => [`workers ${i + 1}`, w] as const)];
  const output = () => all.map(([name, proc]) => `--- ${name} ---\n${proc.output().slice(-3000)}`).join('\n');
  const stop = async () => {
    await Promise.all(all.map(([, proc]) => proc.kill('SIGTERM')));
  };
  const gone = () => all.find(([, proc]) => !proc.running())?.[0];
  // A process that exits while starting ends the wait at once (waitFor would retry a throw until its timeout).
  let problem: string | undefined;
  try {
    problem = await waitFor(
      async () => {
        const exited = gone();
        if (exited) return `${exited} exited while starting`;
        const healthy = await Promise.all(bots.map((b) => fetch(`${b.url}/healthz`).then((r) => r.ok, () => false)));
        return healthy.every(Boolean) && workers.every((w) => w.output().includes('workers started')) ? '' : undefined;
      },
      { timeoutMs, what: `${counts.bots} bots and ${counts.workers} worker processes to start` },
    );
  } catch (err) {
    problem = err instanceof Error ? err.message : String(err);
  }
  if (problem) {
    await stop();
    throw new Error(`${problem}\n${output()}`);
  }
  return { bots, workers, output, stop };
}
