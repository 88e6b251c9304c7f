import { DeliveryError } from '../../domain/outbox/message-transport.ts';
import { sameText } from '../delivery-errors.ts';
import type { OutboundContent } from '../../domain/outbox/outbound-content.ts';
import type { GroupPictures } from '../../domain/outbox/drawn-pictures.ts';
import type { GroupSender } from '../group-sender.ts';
import { groupText } from '../group-sender.ts';
import { zcaThreadGroup } from './zca-api.ts';
import type { ZcaApi, ZcaAttachment } from './zca-api.ts';
import { zcaGroupMessageSchema } from './zca-stored-message.ts';

/**
 * Group messages through the personal account (zca-js), with a real mention of the member addressed.
 * Only groups are ever written to: this sender has no way to message a person.
 *
 * Calls are spaced at least `minGapMs` apart, measured at the call itself. The queue's rate limit
 * paces jobs, but a job's own work before the call (its claim in Postgres) varies with load, so
 * only a gap enforced here is a real guarantee to Zalo's anti-spam limits.
 */
export function createZcaGroupSender(api: ZcaApi, ownUid: string, options: { minGapMs: number; pictures: GroupPictures }): GroupSender {
  /** The weekly chart travels as a picture with its caption; everything else as text. */
  async function attachmentsFor(content: OutboundContent): Promise<ZcaAttachment[] | undefined> {
    if (content.kind !== 'week-chart') return undefined;
    const picture = await options.pictures.weekChart(content);
    return [{ data: picture.png, filename: picture.filename, metadata: { totalSize: picture.png.length, width: picture.width, height: picture.height } }];
  }

  let turn: Promise<void> = Promise.resolve();
  let lastCallAt = 0;
  /** Waits for this call's turn: calls are serialised, and each starts minGapMs after the previous one. */
  const spaced = async <T>(call: () => Promise<T>): Promise<T> => {
    const previous = turn;
    let release = () => {};
    turn = new Promise((resolve) => (release = resolve));
    await previous;
    try {
      const waitMs = lastCallAt + options.minGapMs - Date.now();
      if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
      lastCallAt = Date.now();
      return await call();
    } finally {
      release();
    }
  };
  return {
    async send(groupId, content) {
      const { text, mention } = groupText(content);
      if (!text) throw new DeliveryError('final', 'nothing to say in a group');
      const mentions = mention ? [{ pos: 0, uid: mention.userId, len: mention.name.length + 1 }] : undefined;
      let attachments: ZcaAttachment[] | undefined;
      try {
        attachments = await attachmentsFor(content);
      } catch (err) {
        // Nothing was posted: the chart could not be drawn (the database is away). Try again later.
        throw new DeliveryError('retry', `the picture could not be prepared: ${err instanceof Error ? err.message : String(err)}`, null, 5000);
      }
      let result;
      try {
        result = await spaced(() => api.sendMessage({ msg: text, ...(mentions ? { mentions } : {}), ...(attachments ? { attachments } : {}) }, groupId, zcaThreadGroup));
      } catch (err) {
        // zca-js gives no reliable way to tell a refusal from a lost answer: check history first.
        throw new DeliveryError('in-doubt', `zca-js send failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      const sent = result.message ?? result.attachment?.[0];
      if (!sent) throw new DeliveryError('in-doubt', 'zca-js returned no message id');
      return { messageId: String(sent.msgId) };
    },
    async findDelivered({ groupId, content, since, excludeMessageIds }) {
      const wanted = groupText(content).text;
      const excluded = new Set(excludeMessageIds);
      const history = await api.getGroupChatHistory(groupId, 50);
      const ours = history.groupMsgs.flatMap((raw) => {
        const m = zcaGroupMessageSchema.safeParse(raw);
        if (!m.success) return [];
        const mine = m.data.isSelf || m.data.data.uidFrom === ownUid || m.data.data.uidFrom === '0';
        const at = new Date(Number(m.data.data.ts));
        return mine && at >= since && !excluded.has(m.data.data.msgId) && sameText(shownText(m.data.data.content), wanted)
          ? [{ messageId: m.data.data.msgId, at }]
          : [];
      });
      ours.sort((a, b) => a.at.getTime() - b.at.getTime());
      return ours[0] ? { messageId: ours[0].messageId } : null;
    },
  };
}

/** What a history entry shows as text: a text message's content, or a picture's caption (`title`). */
function shownText(content: unknown): string | null {
  if (typeof content === 'string') return content;
  const title = typeof content === 'object' && content !== null ? (content as { title?: unknown }).title : undefined;
  return typeof title === 'string' ? title : null;
}
