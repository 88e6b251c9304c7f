import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Zalo signs each webhook as `X-ZEvent-Signature: mac=<hex>` where
 * mac = sha256(app_id + raw body + timestamp + OA secret key) — a plain hash of the concatenation,
 * not an HMAC, over the exact bytes received (see docs/platform-facts.md, "Webhook").
 */
export type SignatureKeys = {
  appId: string;
  oaId: string;
  oaSecretKey: string;
  appSecret: string;
  /** Also accept the minority readings (oa_id as the first term, or the app secret as the key). */
  compat: boolean;
};

export type SignatureCheck =
  | { ok: true; variant: 'app-id+oa-secret' | 'oa-id+oa-secret' | 'app-id+app-secret' }
  | { ok: false; reason: 'missing-header' | 'missing-timestamp' | 'mismatch' };

/** Computes the `mac=` value Zalo would send for these bytes. */
export function computeEventMac(first: string, rawBody: Buffer, timestamp: string, secret: string): string {
  return 'mac=' + createHash('sha256').update(first).update(rawBody).update(timestamp).update(secret).digest('hex');
}

/** Checks the header in constant time; never throws on odd input. */
export function verifyEventSignature(
  header: string | string[] | undefined,
  rawBody: Buffer,
  timestamp: string | undefined,
  keys: SignatureKeys,
): SignatureCheck {
  const given = Array.isArray(header) ? header[0] : header;
  if (!given) return { ok: false, reason: 'missing-header' };
  if (!timestamp) return { ok: false, reason: 'missing-timestamp' };
  type Variant = { variant: Extract<SignatureCheck, { ok: true }>['variant']; first: string; secret: string };
  const variants: Variant[] = [{ variant: 'app-id+oa-secret', first: keys.appId, secret: keys.oaSecretKey }];
  if (keys.compat) {
    variants.push(
      { variant: 'oa-id+oa-secret', first: keys.oaId, secret: keys.oaSecretKey },
      { variant: 'app-id+app-secret', first: keys.appId, secret: keys.appSecret },
    );
  }
  for (const v of variants) {
    if (constantTimeEqual(given.trim().toLowerCase(), computeEventMac(v.first, rawBody, timestamp, v.secret))) {
      return { ok: true, variant: v.variant };
    }
  }
  return { ok: false, reason: 'mismatch' };
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  // timingSafeEqual throws on different lengths; compare b with itself so the work stays the same.
  if (left.length !== right.length) {
    timingSafeEqual(right, right);
    return false;
  }
  return timingSafeEqual(left, right);
}
