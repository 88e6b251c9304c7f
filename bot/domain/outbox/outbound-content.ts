import { z } from 'zod';

/**
 * What a message says, fully written out (Vietnamese text, button labels), in our own
 * channel-neutral shape. It is stored in the outbox; each transport renders it to its wire format.
 * Limits are Zalo's: text ≤ 2000 characters, ≤ 5 buttons, label ≤ 100, button payload ≤ 1000.
 */
export const maxTextLength = 2000;

const button = z.object({
  label: z.string().min(1).max(100),
  /** Sent back to us, unseen by the user, when the button is tapped. */
  action: z.string().min(1).max(1000),
});

export const outboundContentSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    text: z.string().min(1).max(maxTextLength),
    /** In a group: address one member ("@Tên …"); a real mention where the transport supports it. */
    mention: z.object({ userId: z.string().min(1), name: z.string().min(1).max(100) }).optional(),
  }),
  z.object({ kind: z.literal('buttons'), text: z.string().min(1).max(maxTextLength), buttons: z.array(button).min(1).max(5) }),
  z.object({ kind: z.literal('image'), attachmentId: z.string().min(1), caption: z.string().max(maxTextLength).optional() }),
  /** A picture from bot/guides/images, uploaded to the platform when it is sent. */
  z.object({ kind: z.literal('image-file'), file: z.string().regex(/^[a-z0-9-]+\.(png|jpe?g)$/), caption: z.string().max(maxTextLength).optional() }),
  /**
   * A commune's chart of one ISO week, drawn when it is sent (so a retry a day later still sends a
   * picture). Groups only: transports that can carry a picture send it with the caption, others the caption.
   */
  z.object({
    kind: z.literal('week-chart'),
    communeId: z.number().int().positive(),
    week: z.string().regex(/^\d{4}-W\d{2}$/),
    caption: z.string().min(1).max(maxTextLength),
  }),
  z.object({
    kind: z.literal('request-user-info'),
    title: z.string().min(1).max(100),
    subtitle: z.string().min(1).max(500),
    /** Zalo's examples always carry a picture; we send one when a public URL is configured. */
    imageUrl: z.url().optional(),
  }),
]);

export type OutboundContent = z.infer<typeof outboundContentSchema>;
export type WeekChartContent = Extract<OutboundContent, { kind: 'week-chart' }>;
export type OutboundButton = z.infer<typeof button>;

/** The text a person reads in this message, used to recognise it in a conversation history. */
export function contentText(content: OutboundContent): string | null {
  switch (content.kind) {
    case 'text':
    case 'buttons':
      return content.text;
    case 'image':
    case 'image-file':
      return content.caption ?? null;
    case 'week-chart':
      return content.caption;
    case 'request-user-info':
      return null;
  }
}
