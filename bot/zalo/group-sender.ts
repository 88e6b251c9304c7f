import type { OutboundContent } from '../domain/outbox/outbound-content.ts';
import type { Via } from '../domain/outbox/message-transport.ts';

/** Sending into one Zalo group through one transport (GMF or zca-js). */
export type GroupSender = {
  /** Throws DeliveryError. */
  /** `via`: the OA that owns the group (GMF); the personal account (zca-js) ignores it. */
  send: (groupId: string, content: OutboundContent, via?: Via) => Promise<{ messageId: string }>;
  findDelivered: (query: { groupId: string; content: OutboundContent; since: Date; excludeMessageIds: string[] }, via?: Via) => Promise<{ messageId: string } | null>;
};

/** The text of a group message: "@Tên " in front when it addresses someone. A picture's text is its caption. */
export function groupText(content: OutboundContent): { text: string; mention: { userId: string; name: string } | null } {
  switch (content.kind) {
    case 'text':
      return content.mention ? { text: `@${content.mention.name} ${content.text}`, mention: content.mention } : { text: content.text, mention: null };
    case 'buttons':
      return { text: content.text, mention: null };
    case 'image':
    case 'image-file':
      return { text: content.caption ?? '', mention: null };
    case 'week-chart':
      return { text: content.caption, mention: null };
    case 'request-user-info':
      return { text: content.subtitle, mention: null };
  }
}
