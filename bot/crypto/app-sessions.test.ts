import { describe, expect, it } from 'vitest';
import { createAppSessions } from './app-sessions.ts';

const sessions = createAppSessions(Buffer.alloc(32, 7));
const now = new Date('2026-12-02T08:00:00Z');

describe('Mini App sessions', () => {
  it('reads back the member of a session it issued, until it expires', () => {
    const token = sessions.issue(42, new Date(now.getTime() + 60_000));
    expect(sessions.read(token, now)).toEqual({ memberId: 42, expiresAt: new Date(now.getTime() + 60_000) });
    expect(sessions.read(token, new Date(now.getTime() + 60_000))).toBe('expired');
  });

  it('refuses a changed member, a changed expiry, another key and garbage', () => {
    const token = sessions.issue(42, new Date(now.getTime() + 60_000));
    const [v, , mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ m: 1, e: Math.floor(now.getTime() / 1000) + 60 })).toString('base64url');
    expect(sessions.read(`${v}.${forged}.${mac}`, now)).toBe('invalid');
    expect(createAppSessions(Buffer.alloc(32, 8)).read(token, now)).toBe('invalid');
    for (const bad of ['', 'v1', 'v1..', 'v2.a.b', `${token}x`]) expect(sessions.read(bad, now)).toBe('invalid');
  });
});
