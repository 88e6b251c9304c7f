import { contentText } from '../domain/outbox/outbound-content.ts';
import { DeliveryError } from '../domain/outbox/message-transport.ts';
import type { MessageTransport } from '../domain/outbox/message-transport.ts';
import type { OutboundContent } from '../domain/outbox/outbound-content.ts';
import type { ImageAttachments } from './image-attachments.ts';
import type { OaClient } from './oa-client.ts';
import { renderZaloMessage } from './render-message.ts';
import { OaNeedsReauthError, ZaloApiError, ZaloTransportError } from './zalo-errors.ts';

/** Messages older than this are not searched when reconciling: three pages of ten. */
const historyPages = 3;
const pageSize = 10;
const reauthRetryMs = 10 * 60_000;
/** "-100 attachment_id was expired": upload the picture again. */
const attachmentExpired = -100;

/** A guide picture becomes an image message once Zalo has an attachment id for it. */
async function resolveImage(content: OutboundContent, images: ImageAttachments): Promise<Exclude<OutboundContent, { kind: 'image-file' }>> {
  if (content.kind !== 'image-file') return content;
  const attachmentId = await images.attachmentFor(content.file);
  return { kind: 'image', attachmentId, ...(content.caption ? { caption: content.caption } : {}) };
}

/** Delivery of outbox content to a resident through the OA consultation API. */
export function createOaTransport(client: OaClient, images: ImageAttachments): MessageTransport {
  return {
    async send(userId, content) {
      try {
        return await client.sendMessage(userId, renderZaloMessage(await resolveImage(content, images)));
      } catch (err) {
        if (content.kind === 'image-file' && err instanceof ZaloApiError && err.code === attachmentExpired) {
          await images.forget(content.file);
          throw new DeliveryError('retry', err.message, err.code, 1000);
        }
        throw toDeliveryError(err);
      }
    },
    async findDelivered({ recipientId, content, since, excludeMessageIds }) {
      const wanted = normalise(contentText(content));
      const excluded = new Set(excludeMessageIds);
      const candidates = [];
      for (let page = 0; page < historyPages; page++) {
        const entries = await client.listConversation(recipientId, { offset: page * pageSize, count: pageSize });
        candidates.push(...entries.filter((e) => e.fromOa && e.time >= since && !excluded.has(e.messageId)));
        const oldest = entries.at(-1);
        if (entries.length < pageSize || !oldest || oldest.time < since) break;
      }
      // History is newest first; the earliest match is the one the interrupted attempt sent.
      const match = candidates.reverse().find((e) => (wanted === null ? e.type !== 'text' : normalise(e.text) === wanted));
      return match ? { messageId: match.messageId } : null;
    },
  };
}

function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof ZaloApiError) {
    switch (err.kind) {
      case 'window':
      case 'rejected':
        return new DeliveryError('final', err.message, err.code);
      case 'rate-limit':
        return new DeliveryError('retry', err.message, err.code, 1000);
      case 'auth':
        // The client already refreshed once and retried; a second rejection is not resolved by sending now.
        return new DeliveryError('retry', err.message, err.code, 60_000);
    }
  }
  if (err instanceof OaNeedsReauthError) return new DeliveryError('retry', err.message, null, reauthRetryMs);
  if (err instanceof ZaloTransportError) return new DeliveryError('in-doubt', err.message, err.httpStatus);
  return new DeliveryError('in-doubt', String(err));
}

function normalise(text: string | null): string | null {
  return text === null ? null : text.replace(/\s+/g, ' ').trim();
}
