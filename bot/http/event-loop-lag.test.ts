import { afterEach, describe, expect, it } from 'vitest';
import { watchEventLoopLag } from './event-loop-lag.ts';
import type { EventLoopLag } from './event-loop-lag.ts';

let lag: EventLoopLag | null = null;
afterEach(() => lag?.stop());

const busyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};
/** Lets the timers run once (the watch's sample among them). */
const yieldToTimers = () => new Promise((r) => setTimeout(r, 0));

describe('the event loop lag watch', () => {
  it('does not count one long turn (a GC pause) as a backlog', async () => {
    lag = watchEventLoopLag({ sampleMs: 10, maxLagMs: 100, sustainMs: 500 });
    busyFor(300);
    await yieldToTimers();
    expect(lag.behind()).toBe(false);
  });

  it('says the loop is behind once turns have run long for the sustain time, and not once it has caught up', async () => {
    lag = watchEventLoopLag({ sampleMs: 10, maxLagMs: 100, sustainMs: 500 });
    for (let i = 0; i < 6; i++) {
      busyFor(150);
      await yieldToTimers();
    }
    busyFor(150);
    expect(lag.behind()).toBe(true);
    // A loaded machine may delay a turn now and then: wait for a calm one rather than expect the next.
    for (let i = 0; i < 100 && lag.behind(); i++) await new Promise((r) => setTimeout(r, 20));
    expect(lag.behind()).toBe(false);
  });
});
