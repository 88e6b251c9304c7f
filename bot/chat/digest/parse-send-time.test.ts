import { describe, expect, it } from 'vitest';
import { parseSendTime } from './parse-send-time.ts';

// Wednesday 2 Dec 2026, 10:00 in Vietnam.
const now = new Date('2026-12-02T03:00:00Z');
const at = (text: string) => parseSendTime(text, now)?.at.toISOString() ?? null;

describe('when a leader asks to send', () => {
  it('reads weekdays, Sunday, tomorrow and dates, with hours and minutes, always the next such moment', () => {
    expect(at('vneid-level2 thu 7 8h')).toBe('2026-12-05T01:00:00.000Z');
    expect(at('vneid-level2 thu bay luc 8 gio')).toBe('2026-12-05T01:00:00.000Z');
    expect(at('muc 2 chu nhat 7h30')).toBe('2026-12-06T00:30:00.000Z');
    expect(at('muc 2 mai 9h')).toBe('2026-12-03T02:00:00.000Z');
    expect(at('muc 2 thu 4 8h')).toBe('2026-12-09T01:00:00.000Z');
    expect(at('muc 2 20/12 8h')).toBe('2026-12-20T01:00:00.000Z');
    expect(at('muc 2 thu 6 3h chieu')).toBe('2026-12-04T08:00:00.000Z');
  });

  it('keeps the words before the time, and finds no time where there is none', () => {
    expect(parseSendTime('vneid-level2 thu 7 8h', now)?.before).toBe('vneid-level2');
    expect(parseSendTime('vneid-level2', now)).toBeNull();
    expect(parseSendTime('muc 2 thu 7 25h', now)).toBeNull();
  });
});
