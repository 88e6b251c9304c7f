import { contentText } from '../domain/outbox/outbound-content.ts';
import { DeliveryError } from '../domain/outbox/message-transport.ts';
import type { MessageTransport } from '../domain/outbox/message-transport.ts';
import type { OutboundContent } from '../domain/outbox/outbound-content.ts';
import type { ImageAttachments } from './image-attachments.ts';
import type { OaClient } from './oa-client.ts';
import { renderZaloMessage } from './render-message.ts';
import { pictureNotPrepared, sameText, toDeliveryError } from './delivery-errors.ts';
import { ZaloApiError } from './zalo-errors.ts';

/** Messages older than this are not searched when reconciling: three pages of ten. */
const historyPages = 3;
const pageSize = 10;
/** "-100 attachment_id was expired": upload the picture again. */
const attachmentExpired = -100;

/**
 * A guide picture becomes an image message once Zalo has an attachment id for it. The weekly chart
 * is meant for groups; should one ever be addressed to a person, they get its caption.
 */
async function resolveImage(content: OutboundContent, images: ImageAttachments): Promise<Exclude<OutboundContent, { kind: 'image-file' | 'week-chart' }>> {
  if (content.kind === 'week-chart') return { kind: 'text', text: content.caption };
  if (content.kind !== 'image-file') return content;
  const attachmentId = await images.attachmentFor(content.file);
  return { kind: 'image', attachmentId, ...(content.caption ? { caption: content.caption } : {}) };
}

/** Delivery of outbox content to a resident through the OA consultation API. */
export function createOaTransport(client: OaClient, images: ImageAttachments): MessageTransport {
  return {
    async send(userId, content) {
      let resolved;
      try {
        resolved = await resolveImage(content, images);
      } catch (err) {
        throw pictureNotPrepared(err);
      }
      try {
        return await client.sendMessage(userId, renderZaloMessage(resolved));
      } catch (err) {
        if (content.kind === 'image-file' && err instanceof ZaloApiError && err.code === attachmentExpired) {
          await images.forget(content.file);
          throw new DeliveryError('retry', err.message, err.code, 1000);
        }
        throw toDeliveryError(err);
      }
    },
    async findDelivered({ recipientId, content, since, excludeMessageIds }) {
      const wanted = contentText(content);
      const excluded = new Set(excludeMessageIds);
      const candidates = [];
      for (let page = 0; page < historyPages; page++) {
        const entries = await client.listConversation(recipientId, { offset: page * pageSize, count: pageSize });
        candidates.push(...entries.filter((e) => e.fromOa && e.time >= since && !excluded.has(e.messageId)));
        const oldest = entries.at(-1);
        if (entries.length < pageSize || !oldest || oldest.time < since) break;
      }
      // History is newest first; the earliest match is the one the interrupted attempt sent.
      const match = candidates.reverse().find((e) => (wanted === null ? e.type !== 'text' : sameText(e.text, wanted)));
      return match ? { messageId: match.messageId } : null;
    },
  };
}

