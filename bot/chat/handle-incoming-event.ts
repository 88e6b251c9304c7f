import type { Tx } from '../../db/client.ts';
import { findOrgUnitByCode } from '../../db/queries/org-units.ts';
import { upsertResidentInteraction } from '../../db/queries/residents.ts';
import { queueReplies } from '../domain/outbox/queue-replies.ts';
import { handleGroupMessage } from './group/handle-group-message.ts';
import type { ReportLinks } from './digest/report-links.ts';
import { isGroupMessage } from './incoming-event.ts';
import type { IncomingEvent } from './incoming-event.ts';
import { handleResidentMessage } from './resident/handle-resident-message.ts';
import { forgetSchedules, receiveSharedInfo, welcomeFollower } from './resident/handle-resident-event.ts';
import { personalize } from './resident/personalize.ts';
import { newTurn } from './resident/turn.ts';
import type { Turn } from './resident/turn.ts';

export type ChatDeps = {
  db: Tx;
  now: Date;
  /** The commune this OA serves (org unit code, e.g. `demo-xa`). */
  communeCode: string;
  publicBaseUrl: string | null;
  /** Download links for leaders' reports; null without a public address. */
  reportLinks: ReportLinks | null;
};

/**
 * Decides what to say to an incoming event and writes it to the outbox. Runs inside the
 * transaction that marks the event processed. Returns the new outbox row ids.
 */
export async function handleIncomingEvent(deps: ChatDeps, event: IncomingEvent): Promise<number[]> {
  if (isGroupMessage(event)) return handleGroupMessage({ db: deps.db, now: deps.now, reportLinks: deps.reportLinks }, event);
  const userId = event.kind === 'message' ? event.senderId : event.userId;
  const resident = await upsertResidentInteraction(deps.db, { oaId: event.channelId, zaloUserId: userId, at: event.receivedAt });
  const turn = newTurn({
    db: deps.db,
    now: deps.now,
    resident,
    commune: await findOrgUnitByCode(deps.db, deps.communeCode),
    publicBaseUrl: deps.publicBaseUrl,
  });
  switch (event.kind) {
    case 'message':
      await handleResidentMessage(turn, event.text);
      break;
    case 'follow':
      await welcomeFollower(turn);
      break;
    case 'unfollow':
      await forgetSchedules(turn);
      break;
    case 'shared-info':
      await receiveSharedInfo(turn, { name: event.name, phone: event.phone });
      break;
  }
  return sendReplies(turn, userId, event.inboundEventId);
}

/** The turn's replies, each addressed the way this resident is addressed, and any rows written for teams. */
async function sendReplies(turn: Turn, userId: string, inboundEventId: number): Promise<number[]> {
  const replyIds = await queueReplies(turn.db, {
    cause: `reply-${inboundEventId}`,
    recipientUserId: userId,
    residentId: turn.residentDeleted ? null : turn.resident.id,
    inboundEventId,
    contents: turn.replies.map((content) => personalize(content, turn.residentDeleted ? null : turn.resident.addressForm)),
  });
  return [...replyIds, ...turn.otherOutboxIds];
}
