import { existsSync } from 'node:fs';

export type BenchOptions = { quick: boolean };
export type BenchRun = (options: BenchOptions) => Promise<Record<string, unknown>>;
/** A bench, or why it cannot run in this checkout (its file has not landed yet). */
export type BenchEntry = { name: string; run: BenchRun } | { name: string; pending: string };

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * A bench in a file that may not exist yet: run only when it does, so the harness works before it
 * lands and picks it up afterwards without a change here.
 */
function optionalBench(name: string, file: string, exportName: string): BenchEntry {
  const url = new URL(file, import.meta.url);
  const path = `scripts/bench/${file.slice(2)}`;
  if (!existsSync(url)) return { name, pending: `${path} has not landed yet` };
  return {
    name,
    async run(options) {
      const mod: unknown = await import(url.href);
      const fn = isRecord(mod) ? mod[exportName] : undefined;
      if (typeof fn !== 'function') throw new Error(`${path} does not export ${exportName}()`);
      const result: unknown = await fn(options);
      if (!isRecord(result)) throw new Error(`${exportName}() did not return an object`);
      return result;
    },
  };
}

/**
 * Every bench in the order a run takes them: the CPU-bound one first, while the machine is
 * quietest, then the process benches, the digest and the browser. `pipeline` (the older message
 * path bench) runs by default only while webhook or e2e is missing; `--only pipeline` runs it anyway.
 */
export function listBenches(): { entries: BenchEntry[]; defaults: string[] } {
  const webhook = optionalBench('webhook', './webhook-bench.ts', 'webhookBench');
  const e2e = optionalBench('e2e', './e2e-bench.ts', 'e2eBench');
  // Each bench's code is loaded when it runs: `--only nlu` does not load a browser driver.
  const entries: BenchEntry[] = [
    { name: 'nlu', run: async (o) => (await import('./nlu-bench.ts')).nluBench(o) },
    webhook,
    e2e,
    { name: 'pipeline', run: async (o) => (await import('./pipeline-bench.ts')).pipelineBench(o) },
    { name: 'fanout', run: async (o) => (await import('./fanout-bench.ts')).fanoutBench(o) },
    { name: 'oas', run: async (o) => (await import('./oas-bench.ts')).oasBench(o) },
    { name: 'digest', run: async (o) => (await import('./leaders-bench.ts')).leadersBench(o) },
    { name: 'miniapp', run: async () => (await import('./miniapp-bench.ts')).miniappBench() },
  ];
  const olderPathNeeded = 'pending' in webhook || 'pending' in e2e;
  return { entries, defaults: entries.map((e) => e.name).filter((n) => n !== 'pipeline' || olderPathNeeded) };
}
