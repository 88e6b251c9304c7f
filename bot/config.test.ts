import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

const zalo = {
  ZALO_APP_ID: '1',
  ZALO_APP_SECRET: 's',
  ZALO_OA_ID: '2',
  ZALO_OA_SECRET_KEY: 'k',
  ZALO_OA_REFRESH_TOKEN: 'r',
};

describe('parseConfig', () => {
  it('fills documented defaults', () => {
    const c = parseConfig({});
    expect(c.port).toBe(3000);
    expect(c.outboundRatePerSec).toBe(60);
    expect(c.zaloUrls).toMatchObject({ openApiUrl: 'https://openapi.zalo.me', oauthUrl: 'https://oauth.zaloapp.com', graphUrl: 'https://graph.zalo.me' });
    expect(c.zalo).toBeNull();
  });

  it('names the variable that is wrong', () => {
    expect(() => parseConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => parseConfig({ OUTBOUND_RATE_PER_SEC: '0' })).toThrow(/OUTBOUND_RATE_PER_SEC/);
    expect(() => parseConfig({ DATABASE_URL: 'not a url' })).toThrow(ConfigError);
    expect(() => parseConfig({ DATA_ENCRYPTION_KEY: 'short' })).toThrow(/DATA_ENCRYPTION_KEY/);
  });

  it('requires the Zalo credentials together and names the missing ones', () => {
    const { ZALO_OA_SECRET_KEY: _omit, ...partial } = zalo;
    expect(() => parseConfig(partial)).toThrow(/ZALO_OA_SECRET_KEY/);
    expect(parseConfig(zalo).zalo).toMatchObject({ appId: '1', oaId: '2', openApiUrl: 'https://openapi.zalo.me' });
  });

  it('treats an empty value as unset and trims trailing slashes from base URLs', () => {
    const c = parseConfig({ ...zalo, PORT: '', ZALO_OPENAPI_URL: 'http://127.0.0.1:9/' });
    expect(c.port).toBe(3000);
    expect(c.zalo?.openApiUrl).toBe('http://127.0.0.1:9');
  });
});

describe('the Mini App development login', () => {
  const base = { DATABASE_URL: 'postgres://u@h/db' };
  it('is off unless asked for, and allowed for local development', () => {
    expect(parseConfig(base).miniapp.devLogin).toBe(false);
    expect(parseConfig({ ...base, MINIAPP_DEV_LOGIN: 'true' }).miniapp.devLogin).toBe(true);
  });

  it('can never be on in production: NODE_ENV=production or real Zalo credentials refuse to start', () => {
    expect(() => parseConfig({ ...base, MINIAPP_DEV_LOGIN: 'true', NODE_ENV: 'production' })).toThrow(/MINIAPP_DEV_LOGIN/);
    const real = { ZALO_APP_ID: '1', ZALO_APP_SECRET: 's', ZALO_OA_ID: '2', ZALO_OA_SECRET_KEY: 'k', ZALO_OA_REFRESH_TOKEN: 'r' };
    expect(() => parseConfig({ ...base, ...real, MINIAPP_DEV_LOGIN: 'true' })).toThrow(/real Zalo credentials/);
  });
});
