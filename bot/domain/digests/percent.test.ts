import { describe, expect, it } from 'vitest';
import { percentOf } from './percent.ts';

describe('percentOf', () => {
  it('rounds to one place by default, to whole numbers when asked, and has no answer for nothing', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3, 0)).toBe(67);
    expect(percentOf(5, 0)).toBeNull();
  });
});
