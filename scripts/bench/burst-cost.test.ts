import { describe, expect, it } from 'vitest';
import { measureBurstCost } from './burst-cost.ts';

describe('the burst cost of the machine', () => {
  it('times the same operation warm and after a sleep, and gives their ratio', () => {
    const cost = measureBurstCost({ gapMs: 1, bursts: 20, warmOps: 200 });
    expect(cost.gap_ms).toBe(1);
    expect(cost.warm_op_us).toBeGreaterThan(0);
    expect(cost.op_after_gap_us).toBeGreaterThan(0);
    expect(cost.op_after_gap_mean_us).toBeGreaterThan(0);
    const ratio = cost.op_after_gap_mean_us / cost.warm_op_us;
    expect(Math.abs(cost.ratio - ratio) / ratio).toBeLessThan(0.05);
  });
});
