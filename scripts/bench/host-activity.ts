import { readFileSync } from 'node:fs';

/** The machine's CPU time so far, summed over its cores, in ms (Linux /proc/stat, first line). */
export type CpuReading = { at: number; busyMs: number; ioWaitMs: number; stealMs: number };

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

/**
 * Reads the machine's CPU counters every `everyMs` until stopped. On a shared VM a slow stretch
 * of a run is either the machine being full (busy cores), its disk stalling (iowait: every commit
 * waits for its WAL flush), or the host taking the CPU away (steal); this tells them apart.
 * Returns null where /proc/stat cannot be read.
 */
export function sampleHostActivity(everyMs = 100): { stop: () => CpuReading[] } | null {
  const read = () => {
    try {
      return parseCpuLine(readFileSync('/proc/stat', 'utf8'), Date.now());
    } catch {
      return null;
    }
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
  const windows = Array.from({ length: count }, () => ({ wallMs: 0, busyMs: 0, ioWaitMs: 0, peakMs: 0, stealMs: 0 }));
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
  }
  return {
    busy_cores: windows.map((w) => (w.wallMs > 0 ? Math.round((w.busyMs / w.wallMs) * 100) / 100 : 0)),
    iowait_ms: windows.map((w) => w.ioWaitMs),
    iowait_peak_ms: windows.map((w) => w.peakMs),
    steal_ms: windows.map((w) => w.stealMs),
  };
}
