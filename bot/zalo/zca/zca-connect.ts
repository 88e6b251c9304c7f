import { LoginQRCallbackEventType, Zalo } from 'zca-js';
import type { ZcaApi } from './zca-api.ts';
import { zcaCredentialsSchema } from './zca-session.ts';
import type { ZcaCredentials } from './zca-session.ts';

/**
 * The only code that touches zca-js itself. zca-js drives a personal Zalo account the way Zalo Web
 * does; its README warns the account may be locked for it. Update checks and zca-js's own logging
 * are off; our listener supervises reconnects. The API object is used as it is: its signatures
 * are the ZcaApi type's.
 */
const options = { selfListen: false, checkUpdate: false, logging: false };

/** Logs in with a stored session. */
export async function connectZca(credentials: ZcaCredentials): Promise<{ api: ZcaApi; ownUid: string }> {
  const api = await new Zalo(options).login(credentials);
  return { api, ownUid: api.getOwnId() };
}

export type QrLoginEvents = {
  /** A QR code to scan with the account's Zalo app (base64 PNG). */
  qr: (pngBase64: string) => void;
  scanned: (displayName: string) => void;
  expired: () => void;
};

/** Logs in by QR code; resolves with the session to store and the account's id. */
export async function loginZcaWithQr(events: QrLoginEvents): Promise<{ credentials: ZcaCredentials; ownUid: string; displayName: string | null }> {
  let credentials: ZcaCredentials | null = null;
  let displayName: string | null = null;
  let retries = 0;
  const api = await new Zalo(options).loginQR({}, (event) => {
    switch (event.type) {
      case LoginQRCallbackEventType.QRCodeGenerated:
        events.qr(event.data.image);
        return;
      case LoginQRCallbackEventType.QRCodeExpired:
        events.expired();
        if (retries++ < 3) event.actions.retry();
        else event.actions.abort();
        return;
      case LoginQRCallbackEventType.QRCodeScanned:
        displayName = event.data.display_name;
        events.scanned(event.data.display_name);
        return;
      case LoginQRCallbackEventType.QRCodeDeclined:
        event.actions.abort();
        return;
      case LoginQRCallbackEventType.GotLoginInfo:
        credentials = zcaCredentialsSchema.parse(event.data);
        return;
    }
  });
  if (!credentials) throw new Error('Zalo did not return a session');
  return { credentials, ownUid: api.getOwnId(), displayName };
}
