import { LoginQRCallbackEventType, ThreadType, Zalo } from 'zca-js';
import type { API } from 'zca-js';
import type { ZcaApi } from './zca-api.ts';
import { zcaCredentialsSchema } from './zca-session.ts';
import type { ZcaCredentials } from './zca-session.ts';

/**
 * The only code that touches zca-js itself. zca-js drives a personal Zalo account the way Zalo Web
 * does; its README warns the account may be locked for it. Update checks and zca-js's own logging
 * are off; our listener supervises reconnects.
 */
const options = { selfListen: false, checkUpdate: false, logging: false };

/** Logs in with a stored session. */
export async function connectZca(credentials: ZcaCredentials): Promise<{ api: ZcaApi; ownUid: string }> {
  const api = await new Zalo(options).login(credentials);
  return { api: adapt(api), ownUid: api.getOwnId() };
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

function adapt(api: API): ZcaApi {
  return {
    listener: {
      onMessage: (cb) => void api.listener.on('message', cb),
      onConnected: (cb) => void api.listener.on('connected', cb),
      onClosed: (cb) => void api.listener.on('closed', (code, reason) => cb(code, reason)),
      onError: (cb) => void api.listener.on('error', cb),
      // Reconnects are ours (with backoff and a stop on "opened elsewhere"), not zca-js's.
      start: () => api.listener.start({ retryOnClose: false }),
      stop: () => api.listener.stop(),
    },
    sendMessage: (message, threadId) => api.sendMessage(message, threadId, ThreadType.Group),
    getGroupChatHistory: (groupId, count) => api.getGroupChatHistory(groupId, count),
    getOwnId: () => api.getOwnId(),
  };
}
