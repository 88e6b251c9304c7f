import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config.ts';
import { dataKeyFromHex, developmentDataKey, developmentKeyLabel, legacyDerivedDataKey, processDataKey } from './data-key.ts';
import { createSecretBox, deriveDataKey } from './secret-box.ts';

const someKey = 'ab'.repeat(32);
const zalo = { ZALO_APP_ID: '1', ZALO_APP_SECRET: 'app-secret', ZALO_OA_ID: '2', ZALO_OA_SECRET_KEY: 'oa-secret', ZALO_OA_REFRESH_TOKEN: 'RT' };

describe('the data key', () => {
  it('is DATA_ENCRYPTION_KEY when set', () => {
    expect(processDataKey(someKey)).toEqual({ key: Buffer.from(someKey, 'hex'), development: false });
    expect(deriveDataKey(someKey)).toEqual(Buffer.from(someKey, 'hex'));
  });

  it('is otherwise the labelled development key, made from a constant and never from an OA secret', () => {
    expect(developmentKeyLabel).toMatch(/development/);
    expect(developmentDataKey).toEqual(createHash('sha256').update(developmentKeyLabel).digest());
    expect(processDataKey(null)).toEqual({ key: developmentDataKey, development: true });
    // Whatever Zalo secrets a caller still passes, the key stays the development key.
    expect(deriveDataKey(null, ['app-secret', 'oa-secret'])).toEqual(developmentDataKey);
    expect(deriveDataKey(null, ['other', 'secrets'])).toEqual(developmentDataKey);
  });

  it('keeps the legacy derivation, byte for byte, for the rotation command', () => {
    const legacy = (parts: string[]) => createHash('sha256').update(['cdt-data-key-v1', ...parts].join('\0')).digest();
    expect(legacyDerivedDataKey({ appSecret: 'app-secret', oaSecretKey: 'oa-secret' })).toEqual(legacy(['app-secret', 'oa-secret']));
    expect(legacyDerivedDataKey(null)).toEqual(legacy(['no-zalo-configured']));
    expect(legacyDerivedDataKey(null)).not.toEqual(developmentDataKey);
  });

  it('accepts only 64 hex characters, naming where the key came from', () => {
    expect(() => dataKeyFromHex('abc', '--old-key-hex')).toThrow(/--old-key-hex must be 64 hex/);
    expect(dataKeyFromHex(someKey.toUpperCase())).toEqual(Buffer.from(someKey, 'hex'));
    const sealed = createSecretBox(dataKeyFromHex(someKey)).seal('x');
    expect(() => createSecretBox(developmentDataKey).open(sealed)).toThrow();
  });
});

describe('DATA_ENCRYPTION_KEY at start-up', () => {
  it('is required in production, with how to make one and how an existing deployment migrates', () => {
    const start = () => parseConfig({ ...zalo, NODE_ENV: 'production' });
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/DATA_ENCRYPTION_KEY: required when NODE_ENV is production/);
    expect(start).toThrow(/openssl rand -hex 32/);
    expect(start).toThrow(/npm run data-key:rotate -- --from-derived/);
    // Empty in .env means not set.
    expect(() => parseConfig({ ...zalo, NODE_ENV: 'production', DATA_ENCRYPTION_KEY: '' })).toThrow(/DATA_ENCRYPTION_KEY/);
    expect(parseConfig({ ...zalo, NODE_ENV: 'production', DATA_ENCRYPTION_KEY: someKey }).dataEncryptionKey).toBe(someKey);
  });

  it('may be left out outside production', () => {
    expect(parseConfig({ ...zalo }).dataEncryptionKey).toBeNull();
    expect(parseConfig({ NODE_ENV: 'development' }).dataEncryptionKey).toBeNull();
  });
});
