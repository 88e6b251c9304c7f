import type { Db } from '../../db/client.ts';
import { findOaToken, insertOaTokenIfMissing, lockOaToken, markOaTokenNeedsReauth, updateOaTokenPair } from '../../db/queries/oa-tokens.ts';
import type { Clock } from '../clock.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Logger } from '../logger.ts';
import { OAuthRefusedError } from './oauth-client.ts';
import type { OAuthClient } from './oauth-client.ts';
import { OaNeedsReauthError } from './zalo-errors.ts';

export type TokenManager = {
  /** A usable access token, refreshing first when it is within the margin of its expiry. */
  getAccessToken: () => Promise<string>;
  /** Zalo rejected `token` (-216/-220): refresh, unless another process already did. */
  refreshAfterRejection: (token: string) => Promise<string>;
  /** For the scheduled job: refresh proactively when the margin is reached. */
  refreshIfDue: () => Promise<'fresh' | 'refreshed'>;
};

export type TokenManagerDeps = {
  db: Db;
  oauth: OAuthClient;
  box: SecretBox;
  clock: Clock;
  logger: Logger;
  oaId: string;
  /** The environment's refresh token for its OA; null for OAs added with `oa:add` (stored there). */
  initialRefreshToken: string | null;
  /** Refresh when less than this is left of the 25 h access-token life. */
  marginMs: number;
};

type Outcome = { kind: 'token'; token: string; expiresAt: Date; refreshed: boolean } | { kind: 'reauth'; error: string };

/**
 * Keeps the OA token pair in Postgres. A refresh is single-flight across every process: it takes
 * the row lock, re-reads (someone may have refreshed while we waited), calls OAuth, and commits the
 * new pair before anyone uses it — losing a rotated refresh token would lose the OA's grant.
 */
export function createTokenManager(deps: TokenManagerDeps): TokenManager {
  let cache: { token: string; expiresAt: Date } | null = null;
  const usable = (expiresAt: Date) => expiresAt.getTime() - deps.marginMs > deps.clock.now().getTime();

  async function ensureRow() {
    const row = await findOaToken(deps.db, deps.oaId);
    if (row) return row;
    if (deps.initialRefreshToken === null) throw new OaNeedsReauthError(deps.oaId, 'no refresh token stored (npm run oa:add -- --refresh-token …)');
    // The first refresh token comes from the environment; afterwards the database is the only copy.
    await insertOaTokenIfMissing(deps.db, {
      oaId: deps.oaId,
      refreshTokenEnc: deps.box.seal(deps.initialRefreshToken),
      accessExpiresAt: new Date(0),
    });
    const created = await findOaToken(deps.db, deps.oaId);
    if (!created) throw new Error(`token row for OA ${deps.oaId} vanished`);
    return created;
  }

  async function refresh(rejected: string | null): Promise<string> {
    const outcome = await deps.db.transaction(async (tx): Promise<Outcome> => {
      const row = await lockOaToken(tx, deps.oaId);
      if (!row) throw new Error(`no token row for OA ${deps.oaId}`);
      if (row.status === 'needs_reauth') return { kind: 'reauth', error: row.lastError ?? 'marked earlier' };
      const current = row.accessTokenEnc ? deps.box.open(row.accessTokenEnc) : null;
      const stillGood = rejected === null ? usable(row.accessExpiresAt) : row.accessExpiresAt > deps.clock.now();
      if (current && current !== rejected && stillGood) {
        return { kind: 'token', token: current, expiresAt: row.accessExpiresAt, refreshed: false };
      }
      const now = deps.clock.now();
      try {
        const pair = await deps.oauth.refresh(deps.box.open(row.refreshTokenEnc));
        const expiresAt = new Date(now.getTime() + pair.expiresInSec * 1000);
        await updateOaTokenPair(tx, {
          oaId: deps.oaId,
          accessTokenEnc: deps.box.seal(pair.accessToken),
          refreshTokenEnc: deps.box.seal(pair.refreshToken),
          accessExpiresAt: expiresAt,
          now,
        });
        return { kind: 'token', token: pair.accessToken, expiresAt, refreshed: true };
      } catch (err) {
        // A refusal means the refresh token is spent or expired: retrying would only repeat it.
        // Transport errors roll back and are retried by the caller; the token may still be good.
        if (!(err instanceof OAuthRefusedError)) throw err;
        await markOaTokenNeedsReauth(tx, { oaId: deps.oaId, error: err.message, now });
        return { kind: 'reauth', error: err.message };
      }
    });
    if (outcome.kind === 'reauth') {
      deps.logger.error(
        { oaId: deps.oaId, reason: outcome.error },
        'Zalo OA needs re-authorisation: messages cannot be sent until an admin runs `npm run zalo:set-token` (see README)',
      );
      cache = null;
      throw new OaNeedsReauthError(deps.oaId, outcome.error);
    }
    if (outcome.refreshed) deps.logger.info({ oaId: deps.oaId, expiresAt: outcome.expiresAt }, 'OA access token refreshed');
    cache = { token: outcome.token, expiresAt: outcome.expiresAt };
    return outcome.token;
  }

  return {
    async getAccessToken() {
      if (cache && usable(cache.expiresAt)) return cache.token;
      const row = await ensureRow();
      if (row.status === 'needs_reauth') throw new OaNeedsReauthError(deps.oaId, row.lastError ?? 'marked earlier');
      if (row.accessTokenEnc && usable(row.accessExpiresAt)) {
        cache = { token: deps.box.open(row.accessTokenEnc), expiresAt: row.accessExpiresAt };
        return cache.token;
      }
      return refresh(null);
    },
    async refreshAfterRejection(token) {
      cache = null;
      return refresh(token);
    },
    async refreshIfDue() {
      const row = await ensureRow();
      if (row.status === 'active' && row.accessTokenEnc && usable(row.accessExpiresAt)) return 'fresh';
      await refresh(null);
      return 'refreshed';
    },
  };
}
