import { randomBytes } from 'node:crypto';

/** The ids every event names: whose app it is and which OA it reached. */
export type EventIds = { appId: string; oaId: string };

/**
 * Webhook bodies shaped as Zalo sends them (see test/fixtures/zalo/): every id and the timestamp
 * are strings, each message has a fresh `msg_id`, the bot's dedupe key.
 */
function envelope(ids: EventIds, eventName: string) {
  return { app_id: ids.appId, event_name: eventName, timestamp: String(Date.now()) };
}

const newMsgId = () => randomBytes(10).toString('hex');

/** A resident types to the OA, or taps an `oa.query.hide` button (Zalo then sends its payload as text). */
export function residentTextEvent(ids: EventIds, userId: string, text: string) {
  return {
    ...envelope(ids, 'user_send_text'),
    sender: { id: userId },
    recipient: { id: ids.oaId },
    message: { text, msg_id: newMsgId() },
  };
}

/** A resident sends a picture: Zalo hands the bot a URL to fetch it from. */
export function residentImageEvent(ids: EventIds, userId: string, imageUrl: string) {
  return {
    ...envelope(ids, 'user_send_image'),
    sender: { id: userId },
    recipient: { id: ids.oaId },
    message: { msg_id: newMsgId(), attachments: [{ type: 'image', payload: { url: imageUrl, thumbnail: imageUrl } }] },
  };
}

/** The resident's answer to the `request_user_info` card: only name and phone, as they chose to share. */
export function residentSharedInfoEvent(ids: EventIds, userId: string, info: { name: string; phone: string }) {
  return {
    ...envelope(ids, 'user_submit_info'),
    sender: { id: userId },
    recipient: { id: ids.oaId },
    info: { name: info.name, phone: info.phone, address: '', city: '', district: '', ward: '' },
  };
}

/** A member writes in an OA-owned (GMF) group; the group id sits in `recipient.id`. */
export function groupTextEvent(ids: EventIds, groupId: string, sender: { zaloUserId: string; name: string }, text: string) {
  return {
    ...envelope(ids, 'user_send_group_text'),
    sender: { id: sender.zaloUserId, display_name: sender.name },
    recipient: { id: groupId },
    message: { text, msg_id: newMsgId() },
  };
}
