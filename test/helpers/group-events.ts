import { randomBytes } from 'node:crypto';
import { testZalo } from '../../scripts/local/local-zalo-credentials.ts';

/** A `user_send_group_text` from a GMF group, with the group id in `recipient.id` (one documented reading). */
export function gmfGroupText(p: { groupId: string; senderId: string; name: string; text: string; msgId?: string }): Record<string, unknown> {
  return {
    app_id: testZalo.appId,
    event_name: 'user_send_group_text',
    timestamp: String(Date.now()),
    sender: { id: p.senderId, display_name: p.name },
    recipient: { id: p.groupId },
    message: { text: p.text, msg_id: p.msgId ?? randomBytes(10).toString('hex') },
  };
}
