import type { Clock } from '../../bot/clock.ts';

/** A clock that stands still until a test moves it. */
export function fakeClock(start: Date): Clock & { set: (d: Date) => void; advance: (ms: number) => void } {
  let now = start;
  return {
    now: () => now,
    set: (d) => void (now = d),
    advance: (ms) => void (now = new Date(now.getTime() + ms)),
  };
}
