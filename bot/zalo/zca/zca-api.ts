/**
 * The part of zca-js 2.2.0's `API` we use (apis.d.ts, apis/listen.d.ts, apis/sendMessage.d.ts),
 * with zca-js's own method signatures: the real API object satisfies this type as it is, and tests
 * supply a fake with the same signatures.
 */
export const zcaThreadGroup = 1; // ThreadType.Group
/** Listener close codes: the account was opened in another Zalo Web / listener session. */
export const zcaDuplicateConnection = 3000;
export const zcaKickConnection = 3003;

export type ZcaMention = { pos: number; uid: string; len: number };
/** zca-js's in-memory attachment (models/Attachment.d.ts): no file on disk, no image probe needed. */
export type ZcaAttachment = { data: Buffer; filename: `${string}.${string}`; metadata: { totalSize: number; width?: number; height?: number } };

export type ZcaListener = {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'connected', listener: () => void): unknown;
  on(event: 'closed', listener: (code: number, reason: string) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  start(options?: { retryOnClose?: boolean }): void;
  stop(): void;
};

export type ZcaApi = {
  listener: ZcaListener;
  /** With one picture and a caption, zca-js answers `message: null` and the id under `attachment`. */
  sendMessage(
    message: string | { msg: string; mentions?: ZcaMention[]; attachments?: ZcaAttachment[] },
    threadId: string,
    type?: number,
  ): Promise<{ message: { msgId: number } | null; attachment?: { msgId: number }[] }>;
  getGroupChatHistory(groupId: string, count?: number): Promise<{ groupMsgs: unknown[] }>;
  getOwnId(): string;
};
