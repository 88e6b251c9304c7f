import type { DbOrTx } from '../../../db/client.ts';
import { insertOutboundMessages } from '../../../db/queries/outbound-messages.ts';
import type { GroupTransport } from '../../../db/queries/teams.ts';
import type { OutboundContent } from './outbound-content.ts';

/**
 * Replies to a command typed in a Zalo group, back into that group (not to the team: the group is
 * where the person is looking). `oaId` is the OA that owns a GMF group; null for zca-js groups.
 * Keys derive from the event, so a retried turn writes nothing new. Returns the new rows' ids.
 */
export function queueGroupReplies(
  db: DbOrTx,
  p: { inboundEventId: number; transport: GroupTransport; groupId: string; oaId: string | null; contents: OutboundContent[] },
): Promise<number[]> {
  return insertOutboundMessages(
    db,
    p.contents.map((payload, index) => ({
      idempotencyKey: `group-reply-${p.inboundEventId}-${index}`,
      channel: 'zalo_group' as const,
      recipientId: `${p.transport}:${p.groupId}`,
      oaId: p.oaId,
      inboundEventId: p.inboundEventId,
      payload,
    })),
  );
}
