import { afterEach, describe, expect, it } from 'vitest';
import { startNodeProcess } from '../test/helpers/node-process.ts';
import type { NodeProcess } from '../test/helpers/node-process.ts';
import { waitFor } from '../test/helpers/wait-for.ts';

const child = 'test/helpers/log-lines-child.ts';
const running: NodeProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.kill('SIGKILL')));
});

function start(env: Record<string, string>): NodeProcess {
  const proc = startNodeProcess(child, env);
  running.push(proc);
  return proc;
}

/** The numbers of the lines the child wrote to standard output, in order. */
function numbersWritten(proc: NodeProcess): number[] {
  return proc
    .stdout()
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { n: number }).n);
}

const all = (count: number) => Array.from({ length: count }, (_, i) => i);

describe('the process logger writes in batches without losing lines', () => {
  it('writes a lone line while the process keeps running, without waiting for an exit', async () => {
    const proc = start({ LOG_LINES: '1', LOG_THEN: 'stay' });
    // A single line is far below a batch: only the periodic flush can bring it out.
    await waitFor(() => numbersWritten(proc).length === 1, { timeoutMs: 15_000, what: 'the lone line' });
    expect(proc.running()).toBe(true);
  });

  it('writes every line logged just before process.exit()', async () => {
    const proc = start({ LOG_LINES: '5000', LOG_THEN: 'exit' });
    expect((await proc.exited).code).toBe(0);
    expect(numbersWritten(proc)).toEqual(all(5000));
  });

  it('writes every line logged before an uncaught error ends the process', async () => {
    const proc = start({ LOG_LINES: '3000', LOG_THEN: 'throw' });
    expect((await proc.exited).code).toBe(1);
    expect(numbersWritten(proc)).toEqual(all(3000));
    expect(proc.output()).toContain('uncaught on purpose');
  });

  it('with LOG_SYNC=true writes each line as it is logged', async () => {
    const proc = start({ LOG_LINES: '2', LOG_THEN: 'stay', LOG_SYNC: 'true' });
    await waitFor(() => numbersWritten(proc).length === 2, { timeoutMs: 15_000, what: 'both lines' });
    expect(numbersWritten(proc)).toEqual([0, 1]);
  });
});
