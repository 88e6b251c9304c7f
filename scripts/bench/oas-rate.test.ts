import { describe, expect, it } from 'vitest';
import type { DeliveredMessage } from '../local/zalo-stand-in/fake-zalo-state.ts';
import { measureOaRates } from './oas-rate.ts';

const start = Date.parse('2026-12-02T08:00:00Z');

function delivery(oaId: string, user: string, atMs: number, text = `tin ${user}`): DeliveredMessage {
  return { messageId: `${user}-${atMs}`, to: `user:${user}`, message: { text }, text, at: new Date(start + atMs), oaId };
}

/** What the send slots do for a quiet OA: `limit` messages at once, then one every 1/limit s. */
function paced(oaId: string, count: number, limit: number, offsetMs = 0): DeliveredMessage[] {
  return Array.from({ length: count }, (_x, i) => delivery(oaId, `${oaId}-${i}`, offsetMs + Math.max(0, i - limit + 1) * (1000 / limit)));
}

function expectedFor(messages: DeliveredMessage[]): Map<string, string> {
  return new Map(messages.map((m) => [m.to, m.oaId]));
}

describe('per-OA send rates from the stand-in’s deliveries', () => {
  it('reads an ideal limiter (a second’s burst, then the limit) as exactly the limit, while the raw rate counts the burst', () => {
    const delivered = [...paced('oa-1', 100, 5), ...paced('oa-2', 100, 5, 50)];
    const report = measureOaRates({ delivered, expected: expectedFor(delivered), oaIds: ['oa-1', 'oa-2'], limit: 5, starvedAfterShare: 0.1, handedOverAt: new Map() });
    expect(report.rate_error_pct_max).toBe(0);
    expect(report.raw_rate_error_pct_max).toBeGreaterThan(3);
    expect(report).toMatchObject({ starved: 0, duplicates: 0, lost: 0, wrong_oa: 0, silent_oas: 0, max_in_10s: { over_limit: 0 } });
  });

  it('names a slow OA, one that starts late, one never heard from, and rows lost, twice delivered or sent through another OA', () => {
    const slow = paced('oa-slow', 50, 4);
    const late = paced('oa-late', 50, 5, 5000);
    const twice = slow[10];
    if (!twice) throw new Error('no message');
    const wrong = delivery('oa-late', 'oa-slow-x', 6000);
    const delivered = [...slow, ...late, twice, wrong];
    const expected = new Map([...expectedFor([...slow, ...late]), ['user:oa-slow-x', 'oa-slow'], ['user:never', 'oa-silent']]);
    const report = measureOaRates({ delivered, expected, oaIds: ['oa-slow', 'oa-late', 'oa-silent'], limit: 5, starvedAfterShare: 0.1, handedOverAt: new Map() });
    // The silent OA sent nothing (100% off), the slow one about a fifth under its limit.
    expect(report.worst.map((r) => r.oaId)).toEqual(['oa-silent', 'oa-slow', 'oa-late']);
    expect(report.worst[1]?.error_pct).toBeGreaterThanOrEqual(19);
    expect(report).toMatchObject({ starved: 2, silent_oas: 1, duplicates: 1, lost: 1, wrong_oa: 1 });
    expect(report.by_oa.waited_s).toEqual([0, 5, null]);
  });

  it('counts an OA’s wait from when its rows were handed over: rows written later cannot go earlier', () => {
    const delivered = [...paced('oa-1', 100, 5), ...paced('oa-2', 100, 5, 5000)];
    const handedOverAt = new Map([['oa-1', start - 200], ['oa-2', start + 4900]]);
    const report = measureOaRates({ delivered, expected: expectedFor(delivered), oaIds: ['oa-1', 'oa-2'], limit: 5, starvedAfterShare: 0.1, handedOverAt });
    expect(report).toMatchObject({ starved: 0, first_delivery_s: { max: 5 }, first_delivery_wait_s: { max: 0.2 } });
  });

  it('counts an OA that sends late slots in a rush as over its limit', () => {
    const rushed = Array.from({ length: 80 }, (_x, i) => delivery('oa-rush', `u${i}`, i * 20));
    const report = measureOaRates({ delivered: rushed, expected: expectedFor(rushed), oaIds: ['oa-rush'], limit: 5, starvedAfterShare: 0.1, handedOverAt: new Map() });
    expect(report.max_in_10s).toEqual({ max: 80, allowed: 56, over_limit: 1 });
  });
});
