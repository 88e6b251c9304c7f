import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DbOrTx } from '../../db/client.ts';
import type { SecretBox } from '../../bot/crypto/secret-box.ts';
import type { QrLoginEvents } from '../../bot/zalo/zca/zca-connect.ts';
import type { ZcaCredentials } from '../../bot/zalo/zca/zca-session.ts';
import { saveZcaSession } from '../../bot/zalo/zca/zca-session.ts';
import { qrPngToTerminal } from './qr-terminal.ts';

export type LoginWithQr = (events: QrLoginEvents) => Promise<{ credentials: ZcaCredentials; ownUid: string; displayName: string | null }>;

/**
 * `npm run zalo:login`: shows Zalo's QR code in the terminal and saves it as a PNG, waits for the
 * account's phone to scan and confirm, then stores the session sealed in Postgres.
 */
export async function runZaloLogin(deps: { login: LoginWithQr; db: DbOrTx; box: SecretBox; qrPath: string; print: (line: string) => void; now: () => Date }) {
  const { credentials, ownUid, displayName } = await deps.login({
    qr(pngBase64) {
      const png = Buffer.from(pngBase64.replace(/^data:image\/png;base64,/, ''), 'base64');
      mkdirSync(path.dirname(deps.qrPath), { recursive: true });
      writeFileSync(deps.qrPath, png);
      const drawing = qrPngToTerminal(png);
      deps.print('Mở Zalo trên điện thoại của tài khoản dùng cho nhóm → Quét mã QR:');
      if (drawing) deps.print(drawing);
      deps.print(`(Ảnh QR cũng được lưu ở ${deps.qrPath})`);
    },
    scanned: (name) => deps.print(`Đã quét bởi ${name}. Xác nhận đăng nhập trên điện thoại…`),
    expired: () => deps.print('Mã QR hết hạn, đang tạo mã mới…'),
  });
  await saveZcaSession(deps.db, deps.box, { credentials, ownUid, displayName, now: deps.now() });
  deps.print(`Đã lưu phiên đăng nhập của ${displayName ?? ownUid}. Chạy \`npm run start:groups\` (hoặc \`npm start\`) để nghe các nhóm.`);
  return { ownUid, displayName };
}
