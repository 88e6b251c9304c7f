import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metricIds } from './metrics.ts';
import { parseReport } from './parse-report.ts';

type Case = { text: string; now: string; expect: { ok: true; date: string; counts: Record<string, number> } | { ok: false; error: string } };

const cases: Case[] = readFileSync(new URL('../../../../test/nlu/dev/reports-seed.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Case);

describe('report grammar table', () => {
  it('has at least 150 cases covering every metric and every error kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const metricsSeen = new Set(cases.flatMap((c) => (c.expect.ok ? Object.keys(c.expect.counts) : [])));
    expect([...metricsSeen].sort()).toEqual([...metricIds].sort());
    const errors = new Set(cases.flatMap((c) => (c.expect.ok ? [] : [c.expect.error])));
    expect(errors.size).toBe(12);
  });

  it.each(cases.map((c) => [c.text, c] as const))('%j', (_text, c) => {
    const got = parseReport(c.text, new Date(c.now));
    if (c.expect.ok) expect(got).toEqual({ ok: true, date: c.expect.date, counts: c.expect.counts });
    else expect(got).toMatchObject({ ok: false, error: c.expect.error });
  });
});

describe('what a rejection quotes', () => {
  const now = new Date('2026-11-20T18:30:00+07:00');
  it.each([
    ['/bc 5 con gà, 12 hộ', 'unknown-metric', '5 con gà'],
    ['/bc 12 hộ, 5001 người', 'count-too-large', '5001 người'],
    ['/bc hộ: -3', 'negative-count', 'hộ: -3'],
    ['/bc 12 hộ, người', 'metric-without-number', 'người'],
    ['/bc 12, 30 người', 'number-without-metric', '12'],
    ['/bc ngày 31/11: 12 hộ', 'invalid-date', 'ngày 31/11'],
    ['/bc 18/11 12 hộ, 19/11 3 người', 'conflicting-dates', '18/11/2026 và 19/11/2026'],
  ])('%j → %s quoting %j', (text, error, detail) => {
    expect(parseReport(text, now)).toEqual({ ok: false, error, detail });
  });

  it('reads "mức2", "md2 4", "12hộ" and "hộ12" written together', () => {
    expect(parseReport('/bc 3 mức2, md2 4, 12hộ, hộ12', now)).toEqual({ ok: true, date: '2026-11-20', counts: { vneid_level2: 7, households_visited: 24 } });
  });
});
