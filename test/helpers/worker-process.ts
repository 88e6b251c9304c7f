import { startNodeProcess } from './node-process.ts';
import type { NodeProcess } from './node-process.ts';

/** Runs `workers/main.ts` — the production entry point — as its own process with `env`. */
export function startWorkerProcess(env: Record<string, string>): NodeProcess {
  return startNodeProcess('workers/main.ts', env);
}
