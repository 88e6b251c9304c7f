import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { processDataKey } from './data-key.ts';

/**
 * Authenticated encryption for secrets at rest (OA tokens, group-account sessions): AES-256-GCM
 * with a random 12-byte IV. Stored form: `v1.<iv>.<tag>.<ciphertext>`, base64url parts.
 */
export type SecretBox = { seal: (plain: string) => string; open: (sealed: string) => string };

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('secret box key must be 32 bytes');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * The key a process seals with: DATA_ENCRYPTION_KEY when set, otherwise the fixed development key
 * (bot/crypto/data-key.ts; production refuses to start without the variable). The key is never
 * derived from an OA's secrets any more: the second argument is ignored and kept only so older
 * callers compile. The old derivation is `legacyDerivedDataKey`, read by `npm run data-key:rotate`.
 */
export function deriveDataKey(explicitHex: string | null, _ignoredLegacyMaterial?: readonly string[]): Buffer {
  return processDataKey(explicitHex).key;
}
