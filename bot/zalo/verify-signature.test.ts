import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeEventMac, verifyEventSignature } from './verify-signature.ts';

const keys = { appId: '2553928453557884079', oaId: '3662729599332560487', oaSecretKey: 'oa-secret', appSecret: 'app-secret', compat: false };
const body = Buffer.from('{"event_name":"user_send_text","timestamp":"1763606461354","message":{"text":"chào"}}');
const ts = '1763606461354';
const good = computeEventMac(keys.appId, body, ts, keys.oaSecretKey);

describe('verifyEventSignature', () => {
  it('computes mac= plus the sha256 of app id, raw body, timestamp and OA secret', () => {
    const expected = createHash('sha256').update(`${keys.appId}${body.toString()}${ts}${keys.oaSecretKey}`).digest('hex');
    expect(good).toBe(`mac=${expected}`);
  });

  it('accepts a valid signature', () => {
    expect(verifyEventSignature(good, body, ts, keys)).toEqual({ ok: true, variant: 'app-id+oa-secret' });
  });

  it('accepts upper-case hex and surrounding spaces', () => {
    expect(verifyEventSignature(` ${good.toUpperCase().replace('MAC=', 'mac=')} `, body, ts, keys).ok).toBe(true);
  });

  it('rejects a tampered body', () => {
    const tampered = Buffer.from(body.toString().replace('chào', 'chao'));
    expect(verifyEventSignature(good, tampered, ts, keys)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('rejects a signature made with the wrong secret', () => {
    const wrong = computeEventMac(keys.appId, body, ts, 'someone-else');
    expect(verifyEventSignature(wrong, body, ts, keys)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('rejects a missing header', () => {
    expect(verifyEventSignature(undefined, body, ts, keys)).toEqual({ ok: false, reason: 'missing-header' });
    expect(verifyEventSignature('', body, ts, keys)).toEqual({ ok: false, reason: 'missing-header' });
  });

  it('rejects a header of a different length without throwing', () => {
    expect(() => verifyEventSignature('mac=abc', body, ts, keys)).not.toThrow();
    expect(verifyEventSignature('mac=abc', body, ts, keys)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyEventSignature(good + '00', body, ts, keys).ok).toBe(false);
    expect(verifyEventSignature('mac=' + 'é'.repeat(64), body, ts, keys).ok).toBe(false);
  });

  it('rejects when the body carries no timestamp', () => {
    expect(verifyEventSignature(good, body, undefined, keys)).toEqual({ ok: false, reason: 'missing-timestamp' });
  });

  it('accepts the minority readings only when compatibility is switched on', () => {
    const oaFirst = computeEventMac(keys.oaId, body, ts, keys.oaSecretKey);
    const appSecret = computeEventMac(keys.appId, body, ts, keys.appSecret);
    expect(verifyEventSignature(oaFirst, body, ts, keys).ok).toBe(false);
    expect(verifyEventSignature(oaFirst, body, ts, { ...keys, compat: true })).toEqual({ ok: true, variant: 'oa-id+oa-secret' });
    expect(verifyEventSignature(appSecret, body, ts, { ...keys, compat: true })).toEqual({ ok: true, variant: 'app-id+app-secret' });
  });
});
