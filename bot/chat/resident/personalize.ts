import type { OutboundContent } from '../../domain/outbox/outbound-content.ts';
import { addressText } from './address-form.ts';

/** A message as this resident reads it: every `{b}`/`{B}` replaced by how they are addressed. */
export function personalize(content: OutboundContent, addressForm: string | null): OutboundContent {
  switch (content.kind) {
    case 'text':
    case 'buttons':
      return { ...content, text: addressText(content.text, addressForm) };
    case 'image':
    case 'image-file':
      return content.caption === undefined ? content : { ...content, caption: addressText(content.caption, addressForm) };
    case 'week-chart':
      return { ...content, caption: addressText(content.caption, addressForm) };
    case 'request-user-info':
      return { ...content, subtitle: addressText(content.subtitle, addressForm) };
  }
}
