import type { Tx } from '../../db/client.ts';
import type { TurnReplyRow } from '../../db/queries/inbound-turns.ts';
import { startResidentTurn } from '../domain/residents/start-resident-turn.ts';
import { replyRows } from '../domain/outbox/queue-replies.ts';
import { handleGroupMessage } from './group/handle-group-message.ts';
import type { ReportLinks } from './digest/report-links.ts';
import { isGroupMessage } from './incoming-event.ts';
import type { IncomingEvent } from './incoming-event.ts';
import { handleResidentMessage } from './resident/handle-resident-message.ts';
import { forgetSchedules, receiveSharedInfo, welcomeFollower } from './resident/handle-resident-event.ts';
import { personalize } from './resident/personalize.ts';
import { newTurn } from './resident/turn.ts';
import type { Turn } from './resident/turn.ts';
import { doneRequestSince } from './resident/turn-start.ts';

export type ChatDeps = {
  db: Tx;
  now: Date;
  /** The commune this OA serves (org unit code, e.g. `demo-xa`). */
  communeCode: string;
  publicBaseUrl: string | null;
  /** Download links for leaders' reports; null without a public address. */
  reportLinks: ReportLinks | null;
  digestGraceDays: number;
};

/**
 * What a turn decided. The replies are not written yet: the caller writes them in the statement
 * that also marks the event processed, one round trip for the turn's effects.
 */
export type ChatOutcome = {
  /** Outbox rows for the replies to the person who wrote, in order. */
  replies: TurnReplyRow[];
  /** Outbox rows the turn already wrote (a team told of a new request, a group's answer). */
  writtenIds: number[];
  /** The privacy notice shown to this resident in this turn, to record with the replies. */
  noticeShown: { residentId: number; version: string; at: Date } | null;
};

/**
 * Decides what to say to an incoming event. Runs inside the transaction that marks the event
 * processed; everything but the replies is written as it happens.
 */
export async function handleIncomingEvent(deps: ChatDeps, event: IncomingEvent): Promise<ChatOutcome> {
  if (isGroupMessage(event)) {
    const writtenIds = await handleGroupMessage({ db: deps.db, now: deps.now, reportLinks: deps.reportLinks, digestGraceDays: deps.digestGraceDays }, event);
    return { replies: [], writtenIds, noticeShown: null };
  }
  const userId = event.kind === 'message' ? event.senderId : event.userId;
  const start = await startResidentTurn(deps.db, { oaId: event.channelId, zaloUserId: userId, at: event.receivedAt, communeCode: deps.communeCode, doneSince: doneRequestSince(deps.now) });
  const turn = newTurn({
    db: deps.db,
    now: deps.now,
    resident: start.resident,
    commune: start.commune,
    publicBaseUrl: deps.publicBaseUrl,
    start: { state: start.state, run: start.run, doneRequest: start.doneRequest },
  });
  switch (event.kind) {
    case 'message':
      await handleResidentMessage(turn, event.text);
      break;
    case 'follow':
      welcomeFollower(turn);
      break;
    case 'unfollow':
      await forgetSchedules(turn);
      break;
    case 'shared-info':
      await receiveSharedInfo(turn, { name: event.name, phone: event.phone });
      break;
  }
  return outcomeOf(turn, userId, event.inboundEventId);
}

/** The turn's replies, each addressed the way this resident is addressed, and any rows written for teams. */
function outcomeOf(turn: Turn, userId: string, inboundEventId: number): ChatOutcome {
  const replies = replyRows({
    cause: `reply-${inboundEventId}`,
    oaId: turn.resident.oaId,
    recipientUserId: userId,
    residentId: turn.residentDeleted ? null : turn.resident.id,
    inboundEventId,
    contents: turn.replies.map((content) => personalize(content, turn.residentDeleted ? null : turn.resident.addressForm)),
  });
  const noticeShown = turn.noticeShown && !turn.residentDeleted ? { residentId: turn.resident.id, version: turn.noticeShown, at: turn.now } : null;
  return { replies, writtenIds: turn.otherOutboxIds, noticeShown };
}
