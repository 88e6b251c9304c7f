import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Links that open without a login and stop working at a set time: the monthly report's XLSX is
 * reached from a Zalo group message, where there is no session to check. The signature covers the
 * path and the expiry, so neither can be changed.
 */
export type LinkSigner = {
  /** `path?exp=…&sig=…` */
  sign: (path: string, expiresAt: Date) => string;
  verify: (path: string, query: { exp?: string; sig?: string }, now: Date) => 'ok' | 'expired' | 'bad-signature';
};

export function createLinkSigner(dataKey: Buffer): LinkSigner {
  // A key of its own, so a link signature never doubles as anything the data key protects.
  const key = createHash('sha256').update('cdt-signed-links-v1').update(dataKey).digest();
  const mac = (path: string, exp: string) => createHmac('sha256', key).update(`${path}\n${exp}`).digest('base64url');
  return {
    sign(path, expiresAt) {
      const exp = String(Math.floor(expiresAt.getTime() / 1000));
      return `${path}?exp=${exp}&sig=${mac(path, exp)}`;
    },
    verify(path, query, now) {
      if (!query.exp || !query.sig || !/^\d{1,12}$/.test(query.exp)) return 'bad-signature';
      const expected = Buffer.from(mac(path, query.exp));
      const given = Buffer.from(query.sig);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad-signature';
      return Number(query.exp) * 1000 < now.getTime() ? 'expired' : 'ok';
    },
  };
}
