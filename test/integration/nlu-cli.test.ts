import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { classifyIntent } from '../../bot/chat/nlu/classify-intent.ts';

function runCli(mode: string, input: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/nlu.ts', mode], { input, encoding: 'utf8' });
  return { status: r.status, lines: r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('npm run nlu -- intent', () => {
  it('answers one JSON line per input, in order, exactly as the bot classifies', () => {
    const texts = ['cach cai vneid ntn', 'kich hoat muc 2 o dau z ad', 'cafi vneid thees naof', 'không phải vneid mà là vssid', 'giá vàng hôm nay'];
    const { status, lines } = runCli('intent', texts.map((text) => JSON.stringify({ text })).join('\n') + '\n');
    expect(status).toBe(0);
    expect(lines).toHaveLength(texts.length);
    lines.forEach((line, i) => {
      const expected = classifyIntent(texts[i] ?? '');
      expect(line).toEqual(expected);
      expect(line.score).toBeGreaterThanOrEqual(0);
      expect(line.score).toBeLessThanOrEqual(1);
    });
    expect(lines.map((l) => l.intent)).toEqual(['vneid-install', 'vneid-level2', 'vneid-install', 'vssid', 'unknown']);
  });

  it('reports a bad line without stopping', () => {
    const { lines } = runCli('intent', 'not json\n{"text": 5}\n{"text":"dừng"}\n');
    expect(lines[0]).toHaveProperty('error');
    expect(lines[1]).toHaveProperty('error');
    expect(lines[2]).toMatchObject({ intent: 'unsubscribe' });
  });
});

describe('npm run nlu -- report', () => {
  it('answers with the bot\'s own parser, one line per input, in the documented shape', () => {
    const input = [
      { text: '/bc 12 hộ, 30 người, 8 vneid, 3 mức 2', now: '2026-11-20T18:30:00+07:00' },
      { text: '/bc hôm qua 9 ho', now: '2026-11-20T01:00:00+07:00' },
      { text: '/bc 5 con gà', now: '2026-11-20T18:30:00+07:00' },
      { text: 'chào cả nhà', now: '2026-11-20T18:30:00+07:00' },
    ];
    const { status, lines } = runCli('report', input.map((i) => JSON.stringify(i)).join('\n') + '\n');
    expect(status).toBe(0);
    expect(lines).toEqual([
      { ok: true, date: '2026-11-20', counts: { households_visited: 12, people_guided: 30, vneid_accounts: 8, vneid_level2: 3 } },
      { ok: true, date: '2026-11-19', counts: { households_visited: 9 } },
      { ok: false, error: 'unknown-metric' },
      { ok: false, error: 'not-a-report' },
    ]);
  });

  it('rejects a line without a usable "now"', () => {
    const { lines } = runCli('report', '{"text":"/bc 1 hộ"}\n');
    expect(lines[0]).toHaveProperty('error');
  });
});
