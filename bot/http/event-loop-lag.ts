export type EventLoopLag = {
  /** True while the event loop runs more than `maxLagMs` behind: requests waited that long before we saw them. */
  behind: () => boolean;
  stop: () => void;
};

/**
 * Watches how late a short timer fires. A request's bytes wait in the socket until the event loop
 * comes round to them, invisible to the request itself; a loop that is far behind means every
 * request in front of us has waited about that long already. Checked at request time too, so the
 * requests of one long loop turn see it before the timer can fire.
 */
export function watchEventLoopLag(options: { sampleMs: number; maxLagMs: number }): EventLoopLag {
  let due = performance.now() + options.sampleMs;
  let lastLag = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    lastLag = Math.max(0, now - due);
    due = now + options.sampleMs;
  }, options.sampleMs);
  // Only a measurement: it must not keep the process alive.
  timer.unref();
  return {
    behind: () => lastLag > options.maxLagMs || performance.now() - due > options.maxLagMs,
    stop: () => clearInterval(timer),
  };
}
