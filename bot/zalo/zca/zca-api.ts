/**
 * The part of zca-js 2.2.0's `API` we use (apis.d.ts, listen.d.ts, sendMessage.d.ts), as a narrow
 * type: the real API is adapted to it in zca-connect.ts, and tests supply a fake with the same
 * method signatures.
 */
export const zcaThreadGroup = 1; // ThreadType.Group
/** Listener close codes: the account was opened in another Zalo Web / listener session. */
export const zcaDuplicateConnection = 3000;
export const zcaKickConnection = 3003;

export type ZcaMention = { pos: number; uid: string; len: number };

export type ZcaListener = {
  onMessage: (cb: (message: unknown) => void) => void;
  onConnected: (cb: () => void) => void;
  onClosed: (cb: (code: number, reason: string) => void) => void;
  onError: (cb: (error: unknown) => void) => void;
  start: () => void;
  stop: () => void;
};

export type ZcaApi = {
  listener: ZcaListener;
  sendMessage: (message: { msg: string; mentions?: ZcaMention[] }, threadId: string, type: typeof zcaThreadGroup) => Promise<{ message: { msgId: number | string } | null }>;
  getGroupChatHistory: (groupId: string, count?: number) => Promise<{ groupMsgs: unknown[] }>;
  getOwnId: () => string;
};
