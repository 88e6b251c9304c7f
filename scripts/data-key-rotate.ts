import { parseArgs } from 'node:util';
import { loadConfig } from '../bot/config.ts';
import { dataKeyFromHex, developmentDataKey, legacyDerivedDataKey } from '../bot/crypto/data-key.ts';
import { createSecretBox } from '../bot/crypto/secret-box.ts';
import type { SecretBox } from '../bot/crypto/secret-box.ts';
import { createDb } from '../db/client.ts';
import { resealAll, UnopenableValueError } from '../db/queries/sealed-columns.ts';

/**
 * `npm run data-key:rotate -- <old key>`: re-seals every sealed column (db/queries/sealed-columns.ts)
 * from the old key to DATA_ENCRYPTION_KEY, in one transaction. Stop the bot, workers and groups
 * first, and start them with the new key afterwards. The old key is one of:
 *   --old-key-hex <hex>   the previous DATA_ENCRYPTION_KEY (or OLD_DATA_ENCRYPTION_KEY, when no option is given)
 *   --from-derived        the key older versions derived from ZALO_APP_SECRET + ZALO_OA_SECRET_KEY
 *   --from-dev-key        the public development key used when DATA_ENCRYPTION_KEY was not set
 */
const usage = [
  'usage: npm run data-key:rotate -- --old-key-hex <64 hex> | --from-derived | --from-dev-key',
  '  (or set OLD_DATA_ENCRYPTION_KEY); the new key is DATA_ENCRYPTION_KEY. See README, "Rotating the data key".',
].join('\n');

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let values: { 'old-key-hex'?: string; 'from-derived'?: boolean; 'from-dev-key'?: boolean };
try {
  values = parseArgs({ options: { 'old-key-hex': { type: 'string' }, 'from-derived': { type: 'boolean' }, 'from-dev-key': { type: 'boolean' } } }).values;
} catch (err) {
  fail(`${err instanceof Error ? err.message : String(err)}\n${usage}`, 2);
}

try {
  const config = loadConfig();
  if (!config.dataEncryptionKey) fail(`DATA_ENCRYPTION_KEY is not set: set it to the new key first (make one with \`openssl rand -hex 32\`).\n${usage}`, 2);
  const old = oldKey();
  const newKey = dataKeyFromHex(config.dataEncryptionKey, 'DATA_ENCRYPTION_KEY');
  if (old.key.equals(newKey)) fail(`The old key (${old.label}) is DATA_ENCRYPTION_KEY itself: nothing to rotate.`, 2);

  const from = createSecretBox(old.key);
  const to = createSecretBox(newKey);
  const handle = createDb(config.databaseUrl, { maxConnections: 1 });
  try {
    const counts = await resealAll(handle.db, { openOld: opener(from), openNew: opener(to), sealNew: (plain) => to.seal(plain) });
    const resealed = counts.reduce((n, c) => n + c.resealed, 0);
    console.log(`Old key: ${old.label}. One transaction, committed:`);
    const width = Math.max(...counts.map((c) => `${c.table}.${c.column}`.length));
    for (const c of counts) console.log(`  ${`${c.table}.${c.column}`.padEnd(width)}  ${c.resealed} re-sealed, ${c.alreadyNew} already on the new key`);
    console.log(resealed === 0 ? 'Nothing to re-seal: no value is still sealed with the old key.' : `${resealed} values now sealed with DATA_ENCRYPTION_KEY.`);
    console.log('Start the bot, workers and groups with the new key. Mini App sessions and signed download links made with the old key stop working: people log in to the Mini App again, and an old report link must be sent again.');
  } finally {
    await handle.close();
  }
} catch (err) {
  if (err instanceof UnopenableValueError) fail(`${err.message}.\nNothing was changed: the old key is not the one these values are sealed with.`);
  fail(err instanceof Error ? err.message : String(err));
}

/** The key the values are sealed with now: one option, else OLD_DATA_ENCRYPTION_KEY. */
function oldKey(): { key: Buffer; label: string } {
  const hexFlag = values['old-key-hex'];
  if ([hexFlag !== undefined, values['from-derived'], values['from-dev-key']].filter(Boolean).length > 1) fail(`Give one old key, not several.\n${usage}`, 2);
  if (hexFlag !== undefined) return { key: dataKeyFromHex(hexFlag, '--old-key-hex'), label: '--old-key-hex' };
  if (values['from-dev-key']) return { key: developmentDataKey, label: 'the development key' };
  if (values['from-derived']) {
    const appSecret = process.env.ZALO_APP_SECRET || undefined;
    const oaSecretKey = process.env.ZALO_OA_SECRET_KEY || undefined;
    if (!appSecret && !oaSecretKey) return { key: legacyDerivedDataKey(null), label: 'derived without Zalo settings ("no-zalo-configured")' };
    if (!appSecret || !oaSecretKey) fail('--from-derived needs both ZALO_APP_SECRET and ZALO_OA_SECRET_KEY, as the deployment had them (or neither, if it ran without Zalo).', 2);
    return { key: legacyDerivedDataKey({ appSecret, oaSecretKey }), label: 'derived from ZALO_APP_SECRET and ZALO_OA_SECRET_KEY' };
  }
  const envHex = process.env.OLD_DATA_ENCRYPTION_KEY || undefined;
  if (envHex !== undefined) return { key: dataKeyFromHex(envHex, 'OLD_DATA_ENCRYPTION_KEY'), label: 'OLD_DATA_ENCRYPTION_KEY' };
  return fail(`Say which key the values are sealed with now.\n${usage}`, 2);
}

function opener(box: SecretBox): (sealed: string) => string | null {
  return (sealed) => {
    try {
      return box.open(sealed);
    } catch {
      return null;
    }
  };
}
