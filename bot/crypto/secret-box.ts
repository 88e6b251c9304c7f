import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

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
 * The key: DATA_ENCRYPTION_KEY when set; otherwise derived from the two Zalo secrets, so a fresh
 * install needs no extra setting (rotating those secrets then means re-authorising the OA).
 */
export function deriveDataKey(explicitHex: string | null, fallbackMaterial: string[]): Buffer {
  if (explicitHex) return Buffer.from(explicitHex, 'hex');
  return createHash('sha256').update(['cdt-data-key-v1', ...fallbackMaterial].join('\0')).digest();
}
