import { contentText } from '../domain/outbox/outbound-content.ts';
import { sameText, toDeliveryError } from './delivery-errors.ts';
import type { GroupSender } from './group-sender.ts';
import { groupText } from './group-sender.ts';
import type { OaClient } from './oa-client.ts';

/**
 * Group messages through the OA's Group Message Framework. Mentions are sent as plain "@Tên"
 * text: Zalo's mention syntax for GMF is not documented reliably (reference §4).
 */
export function createGmfGroupSender(client: OaClient): GroupSender {
  return {
    async send(groupId, content) {
      try {
        return await client.sendGroupMessage(groupId, { text: groupText(content).text });
      } catch (err) {
        throw toDeliveryError(err);
      }
    },
    async findDelivered({ groupId, content, since, excludeMessageIds }) {
      const wanted = groupText(content).text || contentText(content);
      const excluded = new Set(excludeMessageIds);
      const entries = await client.listGroupConversation(groupId, { offset: 0, count: 10 });
      const match = entries.reverse().find((e) => e.fromOa && e.time >= since && !excluded.has(e.messageId) && sameText(e.text, wanted));
      return match ? { messageId: match.messageId } : null;
    },
  };
}
