import { describe, expect, it } from 'vitest';
import { findDates } from './report-date.ts';

const today = { y: 2026, m: 11, d: 30 }; // a Monday
const dates = (text: string, on = today) => findDates(text, text, on).map((d) => d.date);

describe('report dates', () => {
  it('reads a day/month as the nearest such date: a future day stays in the future', () => {
    expect(dates('1/12')).toEqual([{ y: 2026, m: 12, d: 1 }]);
    expect(dates('28/12', { y: 2027, m: 1, d: 2 })).toEqual([{ y: 2026, m: 12, d: 28 }]);
    expect(dates('29/11')).toEqual([{ y: 2026, m: 11, d: 29 }]);
  });

  it('reads weekdays as the latest such day, today included', () => {
    expect(dates('thu 2')).toEqual([{ y: 2026, m: 11, d: 30 }]);
    expect(dates('chu nhat')).toEqual([{ y: 2026, m: 11, d: 29 }]);
    expect(dates('thu 7')).toEqual([{ y: 2026, m: 11, d: 28 }]);
  });

  it('does not take "số thứ tự" for Wednesday, nor "tôi qua" for last night', () => {
    expect(findDates('5 so thu tu', '5 số thứ tự', today)).toEqual([]);
    expect(findDates('toi qua 5 ho', 'tôi qua 5 hộ', today)).toEqual([]);
    expect(findDates('toi qua 5 ho', 'tối qua 5 hộ', today).map((d) => d.date)).toEqual([{ y: 2026, m: 11, d: 29 }]);
  });
});
