import { DeliveryError } from '../../domain/outbox/message-transport.ts';
import { sameText } from '../delivery-errors.ts';
import type { GroupSender } from '../group-sender.ts';
import { groupText } from '../group-sender.ts';
import { zcaThreadGroup } from './zca-api.ts';
import type { ZcaApi } from './zca-api.ts';
import { zcaGroupMessageSchema } from './zca-stored-message.ts';

/**
 * Group messages through the personal account (zca-js), with a real mention of the member addressed.
 * Only groups are ever written to: this sender has no way to message a person.
 */
export function createZcaGroupSender(api: ZcaApi, ownUid: string): GroupSender {
  return {
    async send(groupId, content) {
      const { text, mention } = groupText(content);
      if (!text) throw new DeliveryError('final', 'nothing to say in a group');
      const mentions = mention ? [{ pos: 0, uid: mention.userId, len: mention.name.length + 1 }] : undefined;
      let result;
      try {
        result = await api.sendMessage({ msg: text, ...(mentions ? { mentions } : {}) }, groupId, zcaThreadGroup);
      } catch (err) {
        // zca-js gives no reliable way to tell a refusal from a lost answer: check history first.
        throw new DeliveryError('in-doubt', `zca-js send failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (!result.message) throw new DeliveryError('in-doubt', 'zca-js returned no message id');
      return { messageId: String(result.message.msgId) };
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
        return mine && at >= since && !excluded.has(m.data.data.msgId) && typeof m.data.data.content === 'string' && sameText(m.data.data.content, wanted)
          ? [{ messageId: m.data.data.msgId, at }]
          : [];
      });
      ours.sort((a, b) => a.at.getTime() - b.at.getTime());
      return ours[0] ? { messageId: ours[0].messageId } : null;
    },
  };
}
