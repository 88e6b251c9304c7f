import { pino } from 'pino';
import { ConfigError, loadConfig } from '../bot/config.ts';
import { createCoreDeps, createZaloDeps } from '../bot/deps.ts';
import { resetOaToken } from '../db/queries/oa-tokens.ts';

/**
 * `npm run zalo:set-token -- <refresh_token>`: after an admin re-authorised the app (API Explorer
 * or the OAuth consent page), store the new refresh token and prove it works by refreshing once.
 */
const refreshToken = process.argv[2];
if (!refreshToken) {
  console.error('usage: npm run zalo:set-token -- <refresh_token>');
  process.exit(2);
}
try {
  const config = loadConfig();
  if (!config.zalo) throw new ConfigError('set the ZALO_* variables first (see README)');
  const core = createCoreDeps(config, { name: 'set-token', logger: pino({ level: 'warn' }) });
  try {
    await resetOaToken(core.db, { oaId: config.zalo.oaId, refreshTokenEnc: core.secretBox.seal(refreshToken), now: new Date() });
    const zalo = createZaloDeps(core);
    await zalo?.tokens.refreshIfDue();
    console.log(`OA ${config.zalo.oaId}: token stored and refreshed; sending can resume.`);
  } finally {
    await core.close();
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
