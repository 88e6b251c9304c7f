import { ConfigError } from '../bot/config.ts';
import { createZaloDeps } from '../bot/deps.ts';
import { resetOaToken } from '../db/queries/oa-tokens.ts';
import { runWithCore } from './lib/run-with-core.ts';

/**
 * `npm run zalo:set-token -- <refresh_token>`: after an admin re-authorised the app (API Explorer
 * or the OAuth consent page), store the new refresh token and prove it works by refreshing once.
 */
const refreshToken = process.argv[2];
if (!refreshToken) {
  console.error('usage: npm run zalo:set-token -- <refresh_token>');
  process.exit(2);
}
await runWithCore('set-token', async (core, config) => {
  if (!config.zalo) throw new ConfigError('set the ZALO_* variables first (see README)');
  await resetOaToken(core.db, { oaId: config.zalo.oaId, refreshTokenEnc: core.secretBox.seal(refreshToken), now: new Date() });
  await createZaloDeps(core)?.tokens.refreshIfDue();
  console.log(`OA ${config.zalo.oaId}: token stored and refreshed; sending can resume.`);
});
