import path from 'node:path';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../bot/config.ts';
import { createCoreDeps } from '../bot/deps.ts';
import { loginZcaWithQr } from '../bot/zalo/zca/zca-connect.ts';
import { runZaloLogin } from './lib/zalo-login-flow.ts';

/** `npm run zalo:login`: log the personal group account in by QR code (see README for the risks). */
try {
  const config = loadConfig();
  const core = createCoreDeps(config, { name: 'zalo-login', logger: pino({ level: 'warn' }) });
  try {
    await runZaloLogin({
      login: loginZcaWithQr,
      db: core.db,
      box: core.secretBox,
      qrPath: path.resolve('.data', 'zalo-login-qr.png'),
      print: (line) => console.log(line),
      now: () => new Date(),
    });
  } finally {
    await core.close();
  }
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.message : err);
  process.exit(1);
}
