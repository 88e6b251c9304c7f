import { afterEach, describe, expect, it } from 'vitest';
import { watchEventLoopLag } from './event-loop-lag.ts';
import type { EventLoopLag } from './event-loop-lag.ts';

let lag: EventLoopLag | null = null;
afterEach(() => lag?.stop());

const busyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};
const nextTurn = () => new Promise((r) => setTimeout(r, 20));

describe('the event loop lag watch', () => {
  it('says the loop is behind while one turn runs long, and not once it has caught up', async () => {
    lag = watchEventLoopLag({ sampleMs: 10, maxLagMs: 100 });
    busyFor(250);
    expect(lag.behind()).toBe(true);
    // A loaded machine may delay a turn now and then: wait for a calm one rather than expect the next.
    for (let i = 0; i < 100 && lag.behind(); i++) await nextTurn();
    expect(lag.behind()).toBe(false);
  });
});
