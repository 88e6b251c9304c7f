import { describe, expect, it } from 'vitest';
import { formatIsoWeek, isoWeekOf, parseIsoWeek, previousWeek, weekDays } from './iso-week.ts';

describe('ISO weeks', () => {
  it('names the week of a date, the Thursday deciding the year', () => {
    expect(isoWeekOf({ y: 2026, m: 12, d: 2 })).toEqual({ year: 2026, week: 49 });
    expect(isoWeekOf({ y: 2027, m: 1, d: 1 })).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf({ y: 2025, m: 12, d: 29 })).toEqual({ year: 2026, week: 1 });
  });

  it('gives Monday to Sunday, the week before, and reads and writes "2026-W48"', () => {
    expect(weekDays({ year: 2026, week: 48 })).toEqual({ monday: { y: 2026, m: 11, d: 23 }, sunday: { y: 2026, m: 11, d: 29 } });
    expect(previousWeek({ year: 2026, week: 1 })).toEqual({ year: 2025, week: 52 });
    expect(parseIsoWeek('2026-W48')).toEqual({ year: 2026, week: 48 });
    expect(parseIsoWeek('2025-W53')).toBeNull();
    expect(parseIsoWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
    expect(parseIsoWeek('tuần 48')).toBeNull();
    expect(formatIsoWeek({ year: 2026, week: 5 })).toBe('2026-W05');
  });
});
