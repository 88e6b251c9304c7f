import type { ZcaApi, ZcaAttachment, ZcaListener, ZcaMention } from '../../bot/zalo/zca/zca-api.ts';

type Handlers = {
  message: ((m: unknown) => void)[];
  connected: (() => void)[];
  closed: ((code: number, reason: string) => void)[];
  error: ((e: unknown) => void)[];
};

export type SentZcaMessage = { groupId: string; msg: string; mentions: ZcaMention[] | undefined; msgId: string; at: number; attachments?: ZcaAttachment[] };

/**
 * Stands in for zca-js's API object with zca-js's own method signatures (`listener.on(event, …)`,
 * `listener.start({ retryOnClose })`, `sendMessage(message, threadId, type)`,
 * `getGroupChatHistory(groupId, count)`, `getOwnId()`), so the listener and sender run unchanged.
 * Messages are pushed in with `receive`, in the exact shape zca-js's listener emits.
 */
export class FakeZcaApi implements ZcaApi {
  readonly sent: SentZcaMessage[] = [];
  readonly received: Record<string, unknown>[] = [];
  starts = 0;
  stops = 0;
  private handlers: Handlers = { message: [], connected: [], closed: [], error: [] };
  private nextId = 7_100_000_000;
  /** Make the next send throw this, once. */
  failNextSend: Error | null = null;

  constructor(readonly ownUid: string) {}

  readonly startOptions: ({ retryOnClose?: boolean } | undefined)[] = [];

  listener: ZcaListener = {
    on: (event: 'message' | 'connected' | 'closed' | 'error', listener: (...args: never[]) => void) => {
      this.handlers[event].push(listener as never);
      return this.listener;
    },
    start: (options?: { retryOnClose?: boolean }) => {
      this.starts += 1;
      this.startOptions.push(options);
      for (const cb of this.handlers.connected) cb();
    },
    stop: () => {
      this.stops += 1;
    },
  };

  /**
   * As zca-js: a single picture carries the text as its caption and its id comes back under
   * `attachment`, with `message: null`.
   */
  async sendMessage(
    message: string | { msg: string; mentions?: ZcaMention[]; attachments?: ZcaAttachment[] },
    threadId: string,
    type?: number,
  ): Promise<{ message: { msgId: number } | null; attachment: { msgId: number }[] }> {
    if (type !== 1) throw new Error('the fake only knows group threads (ThreadType.Group = 1)');
    if (typeof message === 'string') message = { msg: message };
    if (this.failNextSend) {
      const err = this.failNextSend;
      this.failNextSend = null;
      throw err;
    }
    const msgId = this.nextId++;
    const attachments = message.attachments;
    this.sent.push({ groupId: threadId, msg: message.msg, mentions: message.mentions, msgId: String(msgId), at: Date.now(), ...(attachments ? { attachments } : {}) });
    return attachments?.length ? { message: null, attachment: [{ msgId }] } : { message: { msgId }, attachment: [] };
  }

  async getGroupChatHistory(groupId: string, count = 50): Promise<{ groupMsgs: unknown[] }> {
    const ours = this.sent
      .filter((s) => s.groupId === groupId)
      .map((s) => {
        // A picture shows in history as an object whose `title` is the caption.
        const content = s.attachments?.length ? { title: s.msg, href: `https://photo.example/${s.msgId}.png`, thumb: '' } : s.msg;
        return groupMessage({ groupId, msgId: s.msgId, uidFrom: this.ownUid, name: 'Tài khoản tổ', content, ts: s.at, isSelf: true });
      });
    return { groupMsgs: ours.slice(-count) };
  }

  getOwnId(): string {
    return this.ownUid;
  }

  /** What zca-js's listener would emit for a message arriving in a group. */
  receive(message: Record<string, unknown>): void {
    this.received.push(message);
    for (const cb of this.handlers.message) cb(message);
  }

  close(code: number, reason: string): void {
    for (const cb of this.handlers.closed) cb(code, reason);
  }
}

let counter = 0;

/** A GroupMessage as zca-js 2.2.0 builds it (models/Message.d.ts: GroupMessage / TGroupMessage). */
export function groupMessage(p: { groupId: string; uidFrom: string; name: string; content: string | Record<string, unknown>; msgId?: string; ts?: number; isSelf?: boolean }) {
  counter += 1;
  const msgId = p.msgId ?? String(7_000_000_000_000 + counter);
  return {
    type: 1,
    threadId: p.groupId,
    isSelf: p.isSelf ?? false,
    data: {
      actionId: String(8_000_000_000 + counter),
      msgId,
      cliMsgId: String(1_763_606_400_000 + counter),
      msgType: 'webchat',
      uidFrom: p.uidFrom,
      idTo: p.groupId,
      dName: p.name,
      ts: String(p.ts ?? Date.now()),
      status: 1,
      content: p.content,
      notify: '1',
      ttl: 0,
      userId: '0',
      uin: '0',
      topOut: '0',
      topOutTimeOut: '0',
      topOutImprTimeOut: '0',
      propertyExt: { color: 0, size: 0, type: 0, subType: 0, ext: '{"shouldParseLinkOrContact":0}' },
      paramsExt: { countUnread: 1, containType: 0, platformType: 1 },
      cmd: 521,
      st: 3,
      at: 5,
      realMsgId: '0',
      quote: undefined,
      mentions: undefined,
    },
  };
}

/** A 1:1 message from a stranger, as zca-js emits it (UserMessage, type 0). */
export function userMessage(p: { uidFrom: string; content: string }) {
  const g = groupMessage({ groupId: p.uidFrom, uidFrom: p.uidFrom, name: 'Người lạ', content: p.content });
  return { ...g, type: 0, threadId: p.uidFrom, data: { ...g.data, idTo: '0' } };
}
