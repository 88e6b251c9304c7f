import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pidsNamed, processesCpuMs } from './bench-process.ts';
import { hostByWindow, parseCpuLine, readHostCpu, sampleHostActivity } from './host-activity.ts';
import type { CpuReading } from './host-activity.ts';

describe('the machine’s activity beside a bench’s windows', () => {
  it('reads busy, iowait and steal time from /proc/stat’s cpu line, in ms', () => {
    const stat = 'cpu  100 5 20 900 7 1 2 3 0 0\ncpu0 50 2 10 450 3 0 1 1 0 0\nintr 1 2 3\n';
    expect(parseCpuLine(stat, 1234)).toEqual({ at: 1234, busyMs: (100 + 5 + 20 + 1 + 2) * 10, ioWaitMs: 70, stealMs: 30 });
    expect(parseCpuLine('intr 1 2 3\n', 0)).toBeNull();
  });

  it('puts each interval in the window its end falls in, and shows a disk stall as the window’s iowait peak', () => {
    // Two windows of 1 s from t=1000; a reading every 100 ms; 1.5 cores busy throughout.
    const readings: CpuReading[] = [];
    let busy = 0;
    let ioWait = 0;
    for (let at = 1000; at <= 3000; at += 100) {
      readings.push({ at, busyMs: busy, ioWaitMs: ioWait, stealMs: at >= 2500 ? 40 : 0 });
      busy += 150;
      // A stall in the second window: 180 ms of iowait in one interval, 10 ms elsewhere.
      ioWait += at === 2300 ? 180 : 10;
    }
    const windows = hostByWindow(readings, 1000, 1000, 2);
    expect(windows.busy_cores).toEqual([1.5, 1.5]);
    expect(windows.iowait_ms).toEqual([90, 270]);
    expect(windows.iowait_peak_ms).toEqual([10, 180]);
    expect(windows.steal_ms).toEqual([0, 40]);
  });

  it('gives each sampled group of processes its cores per window, an exited process counting as none', () => {
    // One window of 1 s: the worker uses 0.5 core; Postgres 0.3, but one of its backends exits at 500 (the sum drops).
    const readings: CpuReading[] = [0, 250, 500, 750].map((at) => ({
      at,
      busyMs: at * 1.5,
      ioWaitMs: 0,
      stealMs: 0,
      processMs: { worker: at / 2, postgres: at === 500 ? 0 : at === 750 ? 75 : at * 0.3 },
    }));
    const windows = hostByWindow(readings, 0, 1000, 1);
    expect(windows.cores_by_process).toEqual({ worker: [0.5], postgres: [0.2] });
  });

  it('ignores readings before the start and after the last window', () => {
    const readings: CpuReading[] = [0, 500, 1000, 1500, 2000, 2500].map((at) => ({ at, busyMs: at, ioWaitMs: at / 10, stealMs: 0 }));
    expect(hostByWindow(readings, 1000, 1000, 1)).toEqual({ busy_cores: [1], iowait_ms: [50], iowait_peak_ms: [50], steal_ms: [0] });
  });

  it.runIf(process.platform === 'linux')('samples this machine until stopped', async () => {
    // One reading alone, as the webhook bench takes around each round for its steal time.
    const once = readHostCpu();
    expect(once?.stealMs).toBeGreaterThanOrEqual(0);
    expect(once?.busyMs).toBeGreaterThan(0);
    const sampler = sampleHostActivity(20);
    expect(sampler).not.toBeNull();
    await new Promise((r) => setTimeout(r, 120));
    const readings = sampler?.stop() ?? [];
    expect(readings.length).toBeGreaterThanOrEqual(2);
    expect(readings.every((r, i) => i === 0 || r.at >= (readings[i - 1]?.at ?? 0))).toBe(true);
    expect(readings.at(-1)?.busyMs).toBeGreaterThanOrEqual(readings[0]?.busyMs ?? 0);
  });

  it.runIf(process.platform === 'linux')('samples named groups of processes beside the machine', async () => {
    const own = readFileSync('/proc/self/comm', 'utf8').trim();
    expect(pidsNamed(own)).toContain(process.pid);
    const sampler = sampleHostActivity(20, { self: () => processesCpuMs([process.pid]) });
    const until = Date.now() + 60;
    while (Date.now() < until) JSON.stringify(Array.from({ length: 1000 }, (_, i) => i)); // some CPU for the counter to see
    await new Promise((r) => setTimeout(r, 40));
    const readings = sampler?.stop() ?? [];
    expect(readings.every((r) => typeof r.processMs?.self === 'number')).toBe(true);
    expect(readings.at(-1)?.processMs?.self).toBeGreaterThanOrEqual(readings[0]?.processMs?.self ?? 0);
  });
});
