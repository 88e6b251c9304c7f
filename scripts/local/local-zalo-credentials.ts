import { computeEventMac } from '../../bot/zalo/verify-signature.ts';

/** Credentials shared by the fake Zalo and the app under test. Ids are realistic 19-digit strings. */
export const testZalo = {
  appId: '2553928453557884079',
  appSecret: 'test-app-secret',
  oaId: '3662729599332560487',
  oaSecretKey: 'test-oa-secret-key',
  initialRefreshToken: 'RT-initial',
} as const;

/** The environment the app would read to talk to the fake at `fakeUrl`. */
export function zaloEnv(fakeUrl: string): Record<string, string> {
  return {
    ZALO_APP_ID: testZalo.appId,
    ZALO_APP_SECRET: testZalo.appSecret,
    ZALO_OA_ID: testZalo.oaId,
    ZALO_OA_SECRET_KEY: testZalo.oaSecretKey,
    ZALO_OA_REFRESH_TOKEN: testZalo.initialRefreshToken,
    ZALO_OPENAPI_URL: fakeUrl,
    ZALO_OAUTH_URL: fakeUrl,
    ZALO_GRAPH_URL: fakeUrl,
  };
}

/** Headers Zalo would send with this exact body (signed for the test OA unless another OA's key is given). */
export function signedHeaders(body: string, oaSecretKey: string = testZalo.oaSecretKey): Record<string, string> {
  const timestamp = (JSON.parse(body) as { timestamp: string }).timestamp;
  return {
    'content-type': 'application/json',
    'x-zevent-signature': computeEventMac(testZalo.appId, Buffer.from(body), timestamp, oaSecretKey),
  };
}
