import type { OutboundContent } from '../domain/outbox/outbound-content.ts';

/** The `message` object of `POST /v3.0/oa/message/cs` (docs/platform-facts.md, "Send API"). */
export type ZaloMessage =
  | { text: string }
  | { text: string; attachment: { type: 'template'; payload: { buttons: ZaloButton[] } } }
  | { text?: string; attachment: { type: 'template'; payload: { template_type: 'media'; elements: [{ media_type: 'image'; attachment_id: string }] } } }
  | {
      attachment: {
        type: 'template';
        payload: { template_type: 'request_user_info'; elements: [{ title: string; subtitle: string; image_url?: string }] };
      };
    };

type ZaloButton = { title: string; type: 'oa.query.hide'; payload: string };

/**
 * Renders our content to Zalo's wire shape. Buttons use `oa.query.hide` with no `template_type`,
 * the form used by working integrations; a tap comes back as `user_send_text` carrying the payload.
 */
export function renderZaloMessage(content: Exclude<OutboundContent, { kind: 'image-file' | 'week-chart' }>): ZaloMessage {
  switch (content.kind) {
    case 'text':
      return { text: content.text };
    case 'buttons':
      return {
        text: content.text,
        attachment: {
          type: 'template',
          payload: { buttons: content.buttons.map((b) => ({ title: b.label, type: 'oa.query.hide', payload: b.action })) },
        },
      };
    case 'image':
      return {
        ...(content.caption ? { text: content.caption } : {}),
        attachment: {
          type: 'template',
          payload: { template_type: 'media', elements: [{ media_type: 'image', attachment_id: content.attachmentId }] },
        },
      };
    case 'request-user-info':
      return {
        attachment: {
          type: 'template',
          payload: {
            template_type: 'request_user_info',
            elements: [{ title: content.title, subtitle: content.subtitle, ...(content.imageUrl ? { image_url: content.imageUrl } : {}) }],
          },
        },
      };
  }
}
