import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadZcaSession } from '../../bot/zalo/zca/zca-session.ts';
import { zcaSessions } from '../../db/schema/index.ts';
import { runZaloLogin } from '../../scripts/lib/zalo-login-flow.ts';
import { qrPngToTerminal } from '../../scripts/lib/qr-terminal.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ workers: false });
});
afterAll(async () => {
  await stack?.close();
});

describe('npm run zalo:login', () => {
  it('prints the QR code in the terminal, saves it as a PNG, and stores the session sealed', async () => {
    // A QR code like the one Zalo generates (zca-js hands it over as base64 PNG).
    const png = await QRCode.toBuffer('https://id.zalo.me/account/authen/qr/test-login-code', { type: 'png', margin: 2, scale: 6 });
    const qrPath = path.join(mkdtempSync(path.join(tmpdir(), 'zalo-login-')), 'qr.png');
    const printed: string[] = [];
    const result = await runZaloLogin({
      db: stack.core.db,
      box: stack.core.secretBox,
      qrPath,
      print: (line) => printed.push(line),
      now: () => new Date(),
      login: async (events) => {
        events.qr(png.toString('base64'));
        events.scanned('Tổ CNSCĐ Xã Demo');
        return {
          credentials: { imei: 'imei-abc', userAgent: 'Mozilla/5.0', cookie: [{ key: 'zpw_sek', value: 'cookie-value-xyz' }] },
          ownUid: '1029384756102938475',
          displayName: 'Tổ CNSCĐ Xã Demo',
        };
      },
    });
    expect(result.ownUid).toBe('1029384756102938475');
    expect(readFileSync(qrPath)).toEqual(png);
    const drawing = printed.find((l) => l.includes('▄') || l.includes('█'));
    expect(drawing?.split('\n').length).toBeGreaterThan(10);
    expect(printed.join('\n')).toContain('Quét mã QR');
    const session = await loadZcaSession(stack.core.db, stack.core.secretBox);
    expect(session).toMatchObject({ ownUid: '1029384756102938475', status: 'active', credentials: { imei: 'imei-abc' } });
    const [row] = await stack.core.db.select().from(zcaSessions);
    expect(row?.sessionEnc).not.toContain('cookie-value-xyz');
  });

  it('draws nothing for a picture it cannot read (the saved PNG is then the way to scan)', () => {
    expect(qrPngToTerminal(Buffer.from('not a png'))).toBeNull();
  });
});
