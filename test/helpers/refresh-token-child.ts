// A child process for the single-flight refresh test: N token managers, each on its own Postgres
// connection, all asking for an access token at the same agreed instant. Prints the tokens as JSON.
import { pino } from 'pino';
import { parseConfig } from '../../bot/config.ts';
import { systemClock } from '../../bot/clock.ts';
import { createSecretBox, deriveDataKey } from '../../bot/crypto/secret-box.ts';
import { createOAuthClient } from '../../bot/zalo/oauth-client.ts';
import { createTokenManager } from '../../bot/zalo/token-manager.ts';
import { createDb } from '../../db/client.ts';

const config = parseConfig(process.env);
const zalo = config.zalo;
if (!zalo) throw new Error('child needs Zalo settings');
const managers = Number(process.env.CHILD_MANAGERS ?? '5');
const startAt = Number(process.env.CHILD_START_AT ?? '0');
const box = createSecretBox(deriveDataKey(config.dataEncryptionKey, [zalo.appSecret, zalo.oaSecretKey]));
const oauth = createOAuthClient({ oauthUrl: zalo.oauthUrl, appId: zalo.appId, appSecret: zalo.appSecret, timeoutMs: 10_000 });
const handles = Array.from({ length: managers }, () => createDb(config.databaseUrl, { maxConnections: 1 }));
const tokenManagers = handles.map((h) =>
  createTokenManager({
    db: h.db,
    oauth,
    box,
    clock: systemClock,
    logger: pino({ level: 'silent' }),
    oaId: zalo.oaId,
    initialRefreshToken: zalo.initialRefreshToken,
    marginMs: config.tokenRefreshMarginMs,
  }),
);
// Open every connection first, so the race is about the refresh and not about connecting.
await Promise.all(handles.map((h) => h.pool.query('select 1')));
await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
const tokens = await Promise.all(tokenManagers.map((m) => m.getAccessToken()));
process.stdout.write(JSON.stringify(tokens));
await Promise.all(handles.map((h) => h.close()));
