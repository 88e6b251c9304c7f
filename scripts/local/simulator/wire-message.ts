import { z } from 'zod';

/** One OA message as the page draws it: what Zalo's app would show for the wire `message`. */
export type MessageView = {
  text: string | null;
  /** Button titles and the payload Zalo sends back when one is tapped. */
  buttons: { title: string; payload: string }[];
  /** An uploaded picture (template_type media), by the attachment id the bot got from the upload. */
  attachmentId: string | null;
  /** The "share your details" card (template_type request_user_info). */
  card: { title: string; subtitle: string; imageUrl: string | null } | null;
};

const element = z.looseObject({
  attachment_id: z.string().optional(),
  title: z.string().optional(),
  subtitle: z.string().optional(),
  image_url: z.string().optional(),
});

/** The `message` of `/v3.0/oa/message/cs` and `/v3.0/oa/group/message` (bot/zalo/render-message.ts). */
const wireMessage = z.looseObject({
  text: z.string().optional(),
  attachment: z
    .looseObject({
      payload: z
        .looseObject({
          template_type: z.string().optional(),
          buttons: z.array(z.looseObject({ title: z.string(), payload: z.string() })).optional(),
          elements: z.array(element).optional(),
        })
        .optional(),
    })
    .optional(),
});

const unreadable = 'Trình mô phỏng chưa hiển thị được tin nhắn dạng này.';

/** Reads what the bot sent; a shape it does not know is shown as a notice instead of dropped. */
export function viewOfWireMessage(message: unknown): MessageView {
  const parsed = wireMessage.safeParse(message);
  if (!parsed.success) return { text: unreadable, buttons: [], attachmentId: null, card: null };
  const payload = parsed.data.attachment?.payload;
  const first = payload?.elements?.[0];
  const view: MessageView = { text: parsed.data.text ?? null, buttons: payload?.buttons ?? [], attachmentId: null, card: null };
  if (payload?.template_type === 'media') view.attachmentId = first?.attachment_id ?? null;
  if (payload?.template_type === 'request_user_info') {
    view.card = { title: first?.title ?? '', subtitle: first?.subtitle ?? '', imageUrl: first?.image_url ?? null };
  }
  if (!view.text && !view.attachmentId && !view.card && view.buttons.length === 0) view.text = unreadable;
  return view;
}
