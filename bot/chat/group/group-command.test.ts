import { describe, expect, it } from 'vitest';
import { parseGroupCommand } from './group-command.ts';
import type { ParsedGroupMessage } from './group-command.ts';
import { metricIds } from './report/metrics.ts';

const now = new Date('2026-11-20T18:30:00+07:00');

describe('parseGroupCommand', () => {
  it.each([
    ['/bc 12 hộ', { kind: 'report' }],
    ['#BC 12 ho', { kind: 'report' }],
    ['/huy', { kind: 'undo' }],
    ['/Hủy', { kind: 'undo' }],
    ['/nhan 12', { kind: 'claim', requestId: 12 }],
    ['/nhận số 7', { kind: 'claim', requestId: 7 }],
    ['/xong 12', { kind: 'close', requestId: 12, note: null }],
    ['/xong 12 đã hướng dẫn cài xong, bác rất vui', { kind: 'close', requestId: 12, note: 'đã hướng dẫn cài xong, bác rất vui' }],
    ['/yeucau', { kind: 'list' }],
    ['/yêu cầu', { kind: 'list' }],
    ['/tuan', { kind: 'week', previous: false }],
    ['/tuần', { kind: 'week', previous: false }],
    ['/tuan nay', { kind: 'week', previous: false }],
    ['/tuan truoc', { kind: 'week', previous: true }],
    ['/tuần trước', { kind: 'week', previous: true }],
    ['/Tuần rồi', { kind: 'week', previous: true }],
    ['/tuanqua', { kind: 'week', previous: true }],
    ['/giup', { kind: 'help' }],
    ['/giúp', { kind: 'help' }],
    ['/lienket ab12cd', { kind: 'link', code: 'AB12CD' }],
    ['/liên kết K7P2QX', { kind: 'link', code: 'K7P2QX' }],
  ])('%j', (text, command) => {
    const got = parseGroupCommand(text, now);
    expect(got.ok).toBe(true);
    if (got.ok) expect(got.command).toMatchObject(command);
  });

  it.each(['chào cả nhà', 'hôm nay mưa to', 'báo cáo tuần này em bận', 'nhan 12', 'ai /nhan 12 giúp', '/abc', '/bcx 12 hộ', ''])('ignores plain chat: %j', (text) => {
    expect(parseGroupCommand(text, now)).toEqual({ ok: false, rejection: null, reason: 'not-a-command' });
  });

  it.each([
    ['/nhan', { reason: 'missing-request-number', command: 'claim' }],
    ['/nhan 0', { reason: 'missing-request-number', command: 'claim' }],
    ['/xong abc', { reason: 'missing-request-number', command: 'close' }],
    ['/lienket', { reason: 'missing-link-code' }],
    ['/bc', { reason: 'report', error: 'no-counts' }],
    ['/bc 5 con gà', { reason: 'report', error: 'unknown-metric' }],
  ])('rejects %j clearly', (text, rejection) => {
    expect(parseGroupCommand(text, now)).toMatchObject({ ok: false, rejection });
  });
});

describe('fuzzing the command parser', () => {
  // A small seeded generator, so a failure can be reproduced from the seed.
  function rng(seed: number) {
    let s = seed >>> 0;
    return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  }
  const random = rng(20261122);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const alphabet = [...'abcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ0123456789 /#:,.;-+•\n\t()[]@!?😀👍🏻\u0301\u0000'];
  const seeds = [
    '/bc 12 hộ, 30 người, 8 vneid, 3 mức 2',
    'báo cáo ngày 18/11: - 12 hộ\n- 30 người',
    '/nhan 15',
    '/xong 15 đã xong',
    '#baocao hôm qua 9 hộ và 1.200 người',
    '/lienket K7P2QX',
    '/bc hộ: 12 người: 30 md2 4',
  ];
  const mutate = (text: string) => {
    const chars = [...text];
    const edits = 1 + Math.floor(random() * 6);
    for (let k = 0; k < edits; k++) {
      const at = Math.floor(random() * (chars.length + 1));
      const op = random();
      if (op < 0.4) chars.splice(at, 0, pick(alphabet));
      else if (op < 0.7) chars.splice(at, 1);
      else chars[at] = pick(alphabet);
    }
    return chars.join('');
  };
  const randomText = () => Array.from({ length: Math.floor(random() * 80) }, () => pick(alphabet)).join('');
  const reportErrors = new Set(['no-counts', 'number-without-metric', 'unknown-metric', 'metric-without-number', 'negative-count', 'count-too-large', 'not-whole-number', 'invalid-date', 'future-date', 'date-too-old', 'conflicting-dates']);

  function isWellFormed(r: ParsedGroupMessage): boolean {
    if (!r.ok) {
      if (r.rejection === null) return r.reason === 'not-a-command';
      if (r.rejection.reason === 'report') return reportErrors.has(r.rejection.error);
      return ['missing-request-number', 'missing-link-code'].includes(r.rejection.reason);
    }
    const c = r.command;
    switch (c.kind) {
      case 'report':
        return (
          /^\d{4}-\d\d-\d\d$/.test(c.report.date) &&
          Object.keys(c.report.counts).length > 0 &&
          Object.entries(c.report.counts).every(([m, n]) => metricIds.includes(m as (typeof metricIds)[number]) && Number.isInteger(n) && n >= 0 && n <= 5000)
        );
      case 'claim':
      case 'close':
        return Number.isInteger(c.requestId) && c.requestId > 0;
      case 'link':
        return /^[A-Z0-9]{4,12}$/.test(c.code);
      default:
        return true;
    }
  }

  it('handles 10,000 random and mutated messages: no exception, always a command or a clear rejection', () => {
    const counts = { commands: 0, rejections: 0, ignored: 0 };
    for (let i = 0; i < 10_000; i++) {
      const text = i % 3 === 0 ? randomText() : mutate(pick(seeds));
      let result: ParsedGroupMessage;
      try {
        result = parseGroupCommand(text, now);
      } catch (err) {
        throw new Error(`threw on ${JSON.stringify(text)}: ${String(err)}`);
      }
      expect(isWellFormed(result), JSON.stringify({ text, result })).toBe(true);
      if (result.ok) counts.commands += 1;
      else if (result.rejection) counts.rejections += 1;
      else counts.ignored += 1;
    }
    // The mutations must really exercise all three outcomes.
    expect(counts.commands).toBeGreaterThan(500);
    expect(counts.rejections).toBeGreaterThan(200);
    expect(counts.ignored).toBeGreaterThan(2000);
  });
});
