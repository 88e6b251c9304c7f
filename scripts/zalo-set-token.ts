import { ConfigError } from '../bot/config.ts';
import { createZaloDeps } from '../bot/deps.ts';
import { resetOaToken } from '../db/queries/oa-tokens.ts';
import { runWithCore } from './lib/run-with-core.ts';

/**
 * `npm run zalo:set-token -- <refresh_token> [--oa <oa id>]`: after an admin re-authorised the app (API Explorer
 * or the OAuth consent page), store the new refresh token and prove it works by refreshing once.
 */
const refreshToken = process.argv[2];
if (!refreshToken) {
  console.error('usage: npm run zalo:set-token -- <refresh_token>');
  process.exit(2);
}
await runWithCore('set-token', async (core, config) => {
  const oaId = optionValue('--oa') ?? config.zalo?.oaId;
  if (!oaId) throw new ConfigError('name the OA with --oa <oa id>, or set the ZALO_* variables (see README)');
  await resetOaToken(core.db, { oaId, refreshTokenEnc: core.secretBox.seal(refreshToken), now: new Date() });
  const services = await createZaloDeps(core).registry.forOa(oaId);
  if (!services) throw new ConfigError(`OA ${oaId} is not served here (add it with npm run oa:add, or enable it)`);
  await services.tokens.refreshIfDue();
  console.log(`OA ${oaId}: token stored and refreshed; sending can resume.`);
});

function optionValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}
