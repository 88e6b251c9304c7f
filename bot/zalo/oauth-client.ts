import { z } from 'zod';
import { callZalo } from './zalo-http.ts';
import type { ZaloHttpOptions } from './zalo-http.ts';

export type TokenPair = { accessToken: string; refreshToken: string; expiresInSec: number };

/** Zalo refused the refresh (e.g. the refresh token was already used or has expired). */
export class OAuthRefusedError extends Error {
  override name = 'OAuthRefusedError';
  constructor(readonly code: number | null, detail: string) {
    super(`OAuth refused: ${detail}`);
  }
}

const successSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  // Zalo sends seconds as a string ("90000").
  expires_in: z.union([z.string(), z.number()]).transform((v) => Number(v)).pipe(z.number().int().positive()),
});
const errorSchema = z.looseObject({
  error: z.coerce.number().optional(),
  error_name: z.string().optional(),
  error_description: z.string().optional(),
  message: z.string().optional(),
});

export type OAuthClient = { refresh: (refreshToken: string) => Promise<TokenPair> };

/**
 * OAuth v4 for Official Accounts: `POST /v4/oa/access_token`, form-encoded, with the app secret in
 * a `secret_key` header (docs/platform-facts.md, "OAuth v4 tokens"). Refresh tokens are single-use.
 */
export function createOAuthClient(cfg: { oauthUrl: string; appId: string; appSecret: string } & ZaloHttpOptions): OAuthClient {
  return {
    async refresh(refreshToken) {
      const body = new URLSearchParams({ app_id: cfg.appId, grant_type: 'refresh_token', refresh_token: refreshToken });
      const json = await callZalo(
        `${cfg.oauthUrl}/v4/oa/access_token`,
        { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: cfg.appSecret }, body },
        'oauth/access_token',
        cfg,
      );
      const ok = successSchema.safeParse(json);
      if (ok.success) {
        return { accessToken: ok.data.access_token, refreshToken: ok.data.refresh_token, expiresInSec: ok.data.expires_in };
      }
      const err = errorSchema.safeParse(json);
      const detail = err.success ? (err.data.error_description ?? err.data.message ?? err.data.error_name ?? 'no token in answer') : 'unexpected answer';
      throw new OAuthRefusedError(err.success ? (err.data.error ?? null) : null, detail);
    },
  };
}
