import { createHash } from 'node:crypto';

/**
 * The data key: seals secrets at rest (OA tokens and secrets, the group account's session), and is
 * the root of the Mini App session key and the download-link key. It is DATA_ENCRYPTION_KEY, which
 * production requires (bot/config.ts). Outside production, without it, a fixed development key is
 * used: derived from a public constant, so it protects nothing and is the same on every machine.
 * `npm run data-key:rotate` moves sealed values from one key to another (README: "Rotating the data key").
 */

/** What the development key is made from. Public on purpose: never use it for real secrets. */
export const developmentKeyLabel = 'cdt-development-data-key-v1 (public, for development and tests only)';

/** The fixed development key (32 bytes). */
export const developmentDataKey: Buffer = createHash('sha256').update(developmentKeyLabel).digest();

/** The one line every process logs at start-up when it runs on the development key. */
export const developmentKeyWarning =
  'DATA_ENCRYPTION_KEY is not set: secrets at rest, Mini App sessions and download links use the public development key. ' +
  'Fine on a developer machine, never with real data (NODE_ENV=production refuses to start without it). Make a key with `openssl rand -hex 32`.';

const hexKey = /^[0-9a-fA-F]{64}$/;

/** A key given as 64 hex characters, or an error naming where it came from. */
export function dataKeyFromHex(hex: string, source = 'the key'): Buffer {
  if (!hexKey.test(hex)) throw new Error(`${source} must be 64 hex characters (32 bytes), e.g. from \`openssl rand -hex 32\``);
  return Buffer.from(hex, 'hex');
}

/** The key a process uses: DATA_ENCRYPTION_KEY when set, the development key otherwise. */
export function processDataKey(explicitHex: string | null): { key: Buffer; development: boolean } {
  return explicitHex ? { key: dataKeyFromHex(explicitHex, 'DATA_ENCRYPTION_KEY'), development: false } : { key: developmentDataKey, development: true };
}

/**
 * The key deployments used before DATA_ENCRYPTION_KEY became required: sha256 of a label, the Zalo
 * app secret and the OA secret key (or 'no-zalo-configured' when Zalo was not set up). Only the
 * rotation command reads it now (`--from-derived`), to move such a deployment to its own key.
 */
export function legacyDerivedDataKey(material: { appSecret: string; oaSecretKey: string } | null): Buffer {
  const parts = material ? [material.appSecret, material.oaSecretKey] : ['no-zalo-configured'];
  return createHash('sha256').update(['cdt-data-key-v1', ...parts].join('\0')).digest();
}
