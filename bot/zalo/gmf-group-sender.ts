import { contentText } from '../domain/outbox/outbound-content.ts';
import type { OutboundContent } from '../domain/outbox/outbound-content.ts';
import { pictureNotPrepared, sameText, toDeliveryError } from './delivery-errors.ts';
import type { GroupPictures } from '../domain/outbox/drawn-pictures.ts';
import type { GroupSender } from './group-sender.ts';
import { groupText } from './group-sender.ts';
import type { OaClient } from './oa-client.ts';
import { renderZaloMessage } from './render-message.ts';
import type { ZaloMessage } from './render-message.ts';

/** Zalo's upload limit for a JPG/PNG (docs/platform-facts.md, "Send API"). */
export const maxImageBytes = 1024 * 1024;

/**
 * Group messages through the OA's Group Message Framework. Mentions are sent as plain "@Tên"
 * text: Zalo's mention syntax for GMF is not documented reliably (docs/platform-facts.md, "Groups"). The weekly chart
 * is drawn, uploaded and sent as a picture with its caption; a chart over Zalo's 1 MB limit goes
 * as its caption alone, which carries the link to open it.
 */
export function createGmfGroupSender(client: OaClient, pictures: GroupPictures): GroupSender {
  async function render(content: OutboundContent): Promise<ZaloMessage> {
    const { text } = groupText(content);
    if (content.kind !== 'week-chart') return { text };
    const picture = await pictures.weekChart(content);
    if (picture.png.length > maxImageBytes) return { text };
    const { attachmentId } = await client.uploadImage({ bytes: picture.png, filename: picture.filename, mimeType: 'image/png' });
    return renderZaloMessage({ kind: 'image', attachmentId, caption: text });
  }

  return {
    async send(groupId, content) {
      let message: ZaloMessage;
      try {
        message = await render(content);
      } catch (err) {
        throw pictureNotPrepared(err);
      }
      try {
        return await client.sendGroupMessage(groupId, message);
      } catch (err) {
        const failure = toDeliveryError(err);
        // Zalo refused the picture (the group attachment is not documented for certain): the caption,
        // with its link to the chart, still goes. Refused means nothing was posted, so this is no repeat.
        if (failure.kind !== 'final' || !('attachment' in message) || content.kind !== 'week-chart') throw failure;
        try {
          return await client.sendGroupMessage(groupId, { text: content.caption });
        } catch (again) {
          throw toDeliveryError(again);
        }
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
