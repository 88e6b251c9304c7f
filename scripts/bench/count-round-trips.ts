import pg from 'pg';
import { Pipeline, Redis } from 'ioredis';

/**
 * Preloaded (`--import`) into a process under benchmark, never imported by the app: counts what
 * leaves the process without touching production code. Postgres: every `Client.query` (BEGIN and
 * COMMIT included). Redis: commands sent on their own, and pipelines (each one round trip however
 * many commands it carries). Once a second it prints one `BENCH-COUNTERS {json}` line on stderr,
 * with the process's CPU time, for the benchmark to read.
 */
const counts = { pg: 0, redisCommands: 0, redisPipelines: 0 };

function wrap(proto: object, name: string, count: (args: unknown[]) => void): void {
  const original: unknown = Reflect.get(proto, name);
  if (typeof original !== 'function') throw new Error(`cannot count ${name}: not a function`);
  Reflect.set(proto, name, function (this: unknown, ...args: unknown[]) {
    count(args);
    return Reflect.apply(original, this, args);
  });
}

/** With BENCH_TRACE_QUERIES=1 each query's text and each Redis command's name go to stderr too, to see where the round trips go. */
const trace = process.env.BENCH_TRACE_QUERIES === '1';
wrap(pg.Client.prototype, 'query', (args) => {
  counts.pg += 1;
  if (trace) process.stderr.write(`BENCH-QUERY ${describeQuery(args[0])}\n`);
});
// A command sent by a pipeline arrives with the pipeline's stream as its second argument.
wrap(Redis.prototype, 'sendCommand', (args) => {
  if (args[1] === undefined) counts.redisCommands += 1;
  if (trace) process.stderr.write(`BENCH-REDIS ${args[1] === undefined ? '' : 'pipelined '}${describeCommand(args[0])}\n`);
});
wrap(Pipeline.prototype, 'exec', () => {
  counts.redisPipelines += 1;
  if (trace) process.stderr.write('BENCH-REDIS exec\n');
});

function describeQuery(query: unknown): string {
  const text = typeof query === 'string' ? query : typeof query === 'object' && query !== null ? String(Reflect.get(query, 'text') ?? '') : '';
  return text.replace(/\s+/g, ' ').slice(0, 160);
}

/** The command's name, and for a script (BullMQ's are named in its `evalsha` calls' keys) its first key. */
function describeCommand(command: unknown): string {
  if (typeof command !== 'object' || command === null) return '?';
  const name = String(Reflect.get(command, 'name') ?? '?');
  const args: unknown = Reflect.get(command, 'args');
  const first = Array.isArray(args) && name === 'evalsha' ? ` ${String(args[2] ?? '')}` : '';
  return `${name}${first}`;
}

setInterval(() => {
  const cpu = process.cpuUsage();
  process.stderr.write(`BENCH-COUNTERS ${JSON.stringify({ ...counts, cpuMs: (cpu.user + cpu.system) / 1000, pid: process.pid })}\n`);
}, 1000).unref();
