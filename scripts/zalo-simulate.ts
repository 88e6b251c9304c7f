import { ConfigError, loadConfig } from '../bot/config.ts';
import { computeEventMac } from '../bot/zalo/verify-signature.ts';
import { randomBytes } from 'node:crypto';

/**
 * `npm run zalo:simulate -- "text" [user_id]`: posts a signed `user_send_text`, exactly as Zalo
 * would, to the local bot's webhook. Use it with `npm run fake-zalo` to try conversations.
 */
const text = process.argv[2];
const userId = process.argv[3] ?? '6142494823919228012';
if (!text) {
  console.error('usage: npm run zalo:simulate -- "text" [user_id]');
  process.exit(2);
}
try {
  const config = loadConfig();
  if (!config.zalo) throw new ConfigError('set the ZALO_* variables first (npm run fake-zalo prints them)');
  const body = JSON.stringify({
    app_id: config.zalo.appId,
    event_name: 'user_send_text',
    timestamp: String(Date.now()),
    sender: { id: userId },
    recipient: { id: config.zalo.oaId },
    message: { text, msg_id: randomBytes(10).toString('hex') },
  });
  const signature = computeEventMac(config.zalo.appId, Buffer.from(body), JSON.parse(body).timestamp, config.zalo.oaSecretKey);
  const res = await fetch(`http://127.0.0.1:${config.port}/webhooks/zalo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-zevent-signature': signature },
    body,
  });
  console.log(`webhook answered ${res.status}`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
