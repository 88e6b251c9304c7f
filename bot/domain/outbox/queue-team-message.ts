import type { DbOrTx } from '../../../db/client.ts';
import { insertOutboundMessages, teamGroupOaId } from '../../../db/queries/outbound-messages.ts';
import type { OutboundContent } from './outbound-content.ts';

/**
 * Writes a message for a team's Zalo group to the outbox. The row names the team, not a group: it
 * is delivered through whichever group transport the team is bound to when it is sent.
 */
export async function queueTeamMessage(db: DbOrTx, params: { cause: string; teamId: number; contents: OutboundContent[]; notBefore?: Date }): Promise<number[]> {
  return insertOutboundMessages(
    db,
    params.contents.map((content, index) => ({
      idempotencyKey: `${params.cause}-${index}`,
      channel: 'team_group' as const,
      recipientId: String(params.teamId),
      oaId: teamGroupOaId(params.teamId),
      payload: content,
      // A later send is just a row not due yet: the sweeper hands it over when it is.
      ...(params.notBefore ? { notBefore: params.notBefore } : {}),
    })),
  );
}
