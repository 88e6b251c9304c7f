import { readFileSync } from 'node:fs';

/** The machine's CPU time so far, summed over its cores, in ms (Linux /proc/stat, first line). */
export type CpuReading = { at: number; busyMs: number; ioWaitMs: number; stealMs: number; processMs?: Record<string, number> };

/** CPU time so far of one group of processes (the worker, Postgres's backends…), in ms; null when unreadable. */
export type ProcessCpu = () => number | null;

/** What the machine did in each window of a run, beside that window's latencies. */
export type HostWindows = {
  /** Cores in use on average (user, system, interrupts): near the core count, nothing was left. */
  busy_cores: number[];
  /** CPU time spent idle while a disk request was outstanding, over the window, in ms. */
  iowait_ms: number[];
  /** The most iowait in any one sampling interval (about 100 ms) of the window: a disk stall shows here. */
  iowait_peak_ms: number[];
  /** CPU time the hypervisor gave to someone else, in ms. */
  steal_ms: number[];
  /**
   * Cores each sampled group of processes used on average: whether a slow window's CPU went to
   * our own processes (and which) or to something else on the machine.
   */
  cores_by_process?: Record<string, number[]>;
};

/** /proc/stat counts in USER_HZ, which Linux fixes at 100 a second for user space. */
const msPerTick = 10;

/** Parses the aggregate `cpu` line of /proc/stat; null when there is none (not Linux). */
export function parseCpuLine(stat: string, at: number): CpuReading | null {
  const line = stat.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return null;
  const [user = 0, nice = 0, system = 0, , iowait = 0, irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  return { at, busyMs: (user + nice + system + irq + softirq) * msPerTick, ioWaitMs: iowait * msPerTick, stealMs: steal * msPerTick };
}

/** The machine's CPU counters now; null where /proc/stat cannot be read. */
export function readHostCpu(): CpuReading | null {
  try {
    return parseCpuLine(readFileSync('/proc/stat', 'utf8'), Date.now());
  } catch {
    return null;
  }
}

/**
 * Reads the machine's CPU counters every `everyMs` until stopped. On a shared VM a slow stretch
 * of a run is either the machine being full (busy cores), its disk stalling (iowait: every commit
 * waits for its WAL flush), or the host taking the CPU away (steal); this tells them apart.
 * Returns null where /proc/stat cannot be read.
 */
export function sampleHostActivity(everyMs = 100, processes: Record<string, ProcessCpu> = {}): { stop: () => CpuReading[] } | null {
  const read = () => {
    const reading = readHostCpu();
    if (!reading || Object.keys(processes).length === 0) return reading;
    const processMs = Object.fromEntries(Object.entries(processes).map(([name, cpuMs]) => [name, cpuMs() ?? 0]));
    return { ...reading, processMs };
  };
  const first = read();
  if (!first) return null;
  const readings: CpuReading[] = [first];
  const timer = setInterval(() => {
    const r = read();
    if (r) readings.push(r);
  }, everyMs);
  // A run that throws before stop() must not be kept alive by the sampler.
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      const last = read();
      if (last) readings.push(last);
      return readings;
    },
  };
}

/**
 * The readings cut into `count` windows of `windowMs` from `startMs`. Each interval between two
 * readings counts in the window its end falls in.
 */
export function hostByWindow(readings: CpuReading[], startMs: number, windowMs: number, count: number): HostWindows {
  const windows = Array.from({ length: count }, () => ({ wallMs: 0, busyMs: 0, ioWaitMs: 0, peakMs: 0, stealMs: 0, processMs: {} as Record<string, number> }));
  const names = Object.keys(readings[0]?.processMs ?? {});
  for (let i = 1; i < readings.length; i++) {
    const [before, after] = [readings[i - 1], readings[i]];
    if (!before || !after) continue;
    const w = windows[Math.floor((after.at - startMs) / windowMs)];
    if (!w || after.at <= startMs) continue;
    const ioWait = after.ioWaitMs - before.ioWaitMs;
    w.wallMs += after.at - before.at;
    w.busyMs += after.busyMs - before.busyMs;
    w.ioWaitMs += ioWait;
    w.peakMs = Math.max(w.peakMs, ioWait);
    w.stealMs += after.stealMs - before.stealMs;
    // A process that exited takes its CPU time out of its group's sum: that interval counts as 0, not less.
    for (const name of names) w.processMs[name] = (w.processMs[name] ?? 0) + Math.max(0, (after.processMs?.[name] ?? 0) - (before.processMs?.[name] ?? 0));
  }
  const cores = (w: { wallMs: number }, ms: number) => (w.wallMs > 0 ? Math.round((ms / w.wallMs) * 100) / 100 : 0);
  return {
    busy_cores: windows.map((w) => cores(w, w.busyMs)),
    iowait_ms: windows.map((w) => w.ioWaitMs),
    iowait_peak_ms: windows.map((w) => w.peakMs),
    steal_ms: windows.map((w) => w.stealMs),
    ...(names.length > 0 ? { cores_by_process: Object.fromEntries(names.map((name) => [name, windows.map((w) => cores(w, w.processMs[name] ?? 0))])) } : {}),
  };
}
