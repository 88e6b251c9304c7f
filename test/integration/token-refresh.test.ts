import { z } from 'zod';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OaNeedsReauthError } from '../../bot/zalo/zalo-errors.ts';
import { createTokenManager } from '../../bot/zalo/token-manager.ts';
import { createOAuthClient } from '../../bot/zalo/oauth-client.ts';
import { findOaToken } from '../../db/queries/oa-tokens.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { testZalo } from '../../scripts/local/local-zalo-credentials.ts';
import { startNodeProcess } from '../helpers/node-process.ts';

let stack: TestStack;
beforeAll(async () => {
  // OAuth answers slowly so that the concurrent refreshers really overlap.
  stack = await startTestStack({ workers: false, fake: { oauthLatencyMs: 300 } });
});
afterAll(async () => {
  await stack?.close();
});

const oauthPath = '/v4/oa/access_token';

async function runChild(env: Record<string, string>): Promise<string[]> {
  const child = startNodeProcess('test/helpers/refresh-token-child.ts', env);
  const { code } = await child.exited;
  if (code !== 0) throw new Error(`child exited ${code}: ${child.output()}`);
  return z.array(z.string()).parse(JSON.parse(child.stdout()));
}

function manager(clock = stack.core.clock) {
  const zalo = stack.config.zalo;
  if (!zalo) throw new Error('no zalo');
  return createTokenManager({
    db: stack.core.db,
    oauth: createOAuthClient({ oauthUrl: zalo.oauthUrl, appId: zalo.appId, appSecret: zalo.appSecret, timeoutMs: 5000 }),
    box: stack.core.secretBox,
    clock,
    logger: pino({ level: 'silent' }),
    oaId: zalo.oaId,
    initialRefreshToken: zalo.initialRefreshToken,
    marginMs: stack.config.tokenRefreshMarginMs,
  });
}

describe('OA token refresh', () => {
  it('20 refreshers in 4 processes call OAuth exactly once and store the new refresh token', async () => {
    const startAt = String(Date.now() + 3000);
    const results = await Promise.all([1, 2, 3, 4].map(() => runChild({ ...stack.env, CHILD_MANAGERS: '5', CHILD_START_AT: startAt })));
    const tokens = results.flat();
    expect(tokens).toHaveLength(20);
    expect(new Set(tokens).size).toBe(1);

    const calls = stack.fake.state.callsTo(oauthPath);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.headers['secret_key']).toBe(testZalo.appSecret);
    expect(calls[0]?.body).toMatchObject({ app_id: testZalo.appId, grant_type: 'refresh_token', refresh_token: testZalo.initialRefreshToken });

    const row = await findOaToken(stack.core.db, testZalo.oaId);
    expect(row?.status).toBe('active');
    expect(stack.core.secretBox.open(row?.refreshTokenEnc ?? '')).toBe(stack.fake.state.currentRefreshToken());
    expect(stack.fake.state.refreshTokens.get(testZalo.initialRefreshToken)).toBe('used');
    // Stored encrypted, never in clear.
    expect(row?.refreshTokenEnc).not.toContain('RT-');
    expect(tokens[0]).toBe(stack.core.secretBox.open(row?.accessTokenEnc ?? ''));
  });

  it('does not refresh while the token is fresh, and refreshes once the margin is reached', async () => {
    const before = stack.fake.state.callsTo(oauthPath).length;
    expect(await manager().refreshIfDue()).toBe('fresh');
    expect(stack.fake.state.callsTo(oauthPath)).toHaveLength(before);
    // 22 h later, less than the 4 h margin is left of the 25 h life.
    const later = { now: () => new Date(Date.now() + 22 * 3600_000) };
    expect(await manager(later).refreshIfDue()).toBe('refreshed');
    expect(stack.fake.state.callsTo(oauthPath)).toHaveLength(before + 1);
  });

  it('after a rejected access token, refreshes only if nobody else already did', async () => {
    const m = manager();
    const current = await m.getAccessToken();
    const before = stack.fake.state.callsTo(oauthPath).length;
    const renewed = await m.refreshAfterRejection(current);
    expect(renewed).not.toBe(current);
    expect(stack.fake.state.callsTo(oauthPath)).toHaveLength(before + 1);
    // A second process that was also rejected with the old token picks up the renewed one.
    expect(await manager().refreshAfterRejection(current)).toBe(renewed);
    expect(stack.fake.state.callsTo(oauthPath)).toHaveLength(before + 1);
  });

  it('marks the OA for re-authorisation when the refresh token is refused, and stops calling OAuth', async () => {
    const spent = stack.fake.state.currentRefreshToken();
    if (spent) stack.fake.state.refreshTokens.set(spent, 'used');
    const later = { now: () => new Date(Date.now() + 30 * 3600_000) };
    await expect(manager(later).getAccessToken()).rejects.toBeInstanceOf(OaNeedsReauthError);
    const row = await findOaToken(stack.core.db, testZalo.oaId);
    expect(row?.status).toBe('needs_reauth');
    expect(row?.lastError).toMatch(/Invalid refresh token/);
    const calls = stack.fake.state.callsTo(oauthPath).length;
    await expect(manager(later).getAccessToken()).rejects.toBeInstanceOf(OaNeedsReauthError);
    await expect(manager(later).refreshIfDue()).rejects.toBeInstanceOf(OaNeedsReauthError);
    expect(stack.fake.state.callsTo(oauthPath)).toHaveLength(calls);
  });
});
