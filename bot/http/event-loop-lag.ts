export type EventLoopLag = {
  /** True while the event loop has stayed more than `maxLagMs` behind for `sustainMs`: a backlog, not a hiccup. */
  behind: () => boolean;
  stop: () => void;
};

export type LagLimits = { sampleMs: number; maxLagMs: number; sustainMs: number };

/**
 * Watches how late a short timer fires. A request's bytes wait in the socket until the event loop
 * comes round to them, invisible to the request itself; a loop that stays far behind means the
 * requests in front of us have waited about that long. One long turn (a GC pause, a busy machine
 * not running us for a moment) is not a backlog: only lateness on consecutive samples for
 * `sustainMs` counts.
 */
export function watchEventLoopLag(limits: LagLimits): EventLoopLag {
  let due = performance.now() + limits.sampleMs;
  let lateSince: number | null = null;
  let lateSamples = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const lag = now - due;
    due = now + limits.sampleMs;
    if (lag <= limits.maxLagMs) {
      lateSince = null;
      lateSamples = 0;
      return;
    }
    // It has been behind since this sample was due.
    lateSince ??= now - lag;
    lateSamples += 1;
  }, limits.sampleMs);
  // Only a measurement: it must not keep the process alive.
  timer.unref();
  return {
    behind: () => lateSince !== null && lateSamples >= 2 && performance.now() - lateSince >= limits.sustainMs,
    stop: () => clearInterval(timer),
  };
}
