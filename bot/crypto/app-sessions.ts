import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type AppSession = { memberId: number; expiresAt: Date };

/**
 * Short-lived Mini App sessions as signed tokens (`v1.<payload>.<mac>`): nothing to store, and a
 * session names only the membership; roles are read from Postgres on every request, so a change
 * of role or a removal takes effect at once.
 */
export type AppSessions = {
  issue: (memberId: number, expiresAt: Date) => string;
  read: (token: string, now: Date) => AppSession | 'expired' | 'invalid';
};

export function createAppSessions(dataKey: Buffer): AppSessions {
  // A key of its own, so a session signature never doubles as a link signature or a data key.
  const key = createHash('sha256').update('cdt-miniapp-sessions-v1').update(dataKey).digest();
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');
  return {
    issue(memberId, expiresAt) {
      const payload = Buffer.from(JSON.stringify({ m: memberId, e: Math.floor(expiresAt.getTime() / 1000) })).toString('base64url');
      return `v1.${payload}.${mac(payload)}`;
    },
    read(token, now) {
      const [version, payload, signature] = token.split('.');
      if (version !== 'v1' || !payload || !signature) return 'invalid';
      const expected = Buffer.from(mac(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
      let body: unknown;
      try {
        body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return 'invalid';
      }
      const { m, e } = (body ?? {}) as { m?: unknown; e?: unknown };
      if (typeof m !== 'number' || !Number.isSafeInteger(m) || typeof e !== 'number') return 'invalid';
      return e * 1000 <= now.getTime() ? 'expired' : { memberId: m, expiresAt: new Date(e * 1000) };
    },
  };
}
