import path from 'node:path';
import { loginZcaWithQr } from '../bot/zalo/zca/zca-connect.ts';
import { runWithCore } from './lib/run-with-core.ts';
import { runZaloLogin } from './lib/zalo-login-flow.ts';

/** `npm run zalo:login`: log the personal group account in by QR code (see README for the risks). */
await runWithCore('zalo-login', async (core) => {
  await runZaloLogin({
    login: loginZcaWithQr,
    db: core.db,
    box: core.secretBox,
    qrPath: path.resolve('.data', 'zalo-login-qr.png'),
    print: (line) => console.log(line),
    now: () => new Date(),
  });
});
