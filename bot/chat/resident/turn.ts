import type { Tx } from '../../../db/client.ts';
import type { ConversationStateRow } from '../../../db/queries/conversation-states.ts';
import type { GuideRunRow } from '../../../db/queries/guide-runs.ts';
import type { OrgUnitRow } from '../../../db/queries/org-units.ts';
import type { ResidentRow } from '../../../db/queries/residents.ts';
import type { DoneRequest } from '../../../db/queries/resident-turns.ts';
import type { OutboundContent } from '../../domain/outbox/outbound-content.ts';

/**
 * What Postgres held when the turn began, loaded with the resident in one query. Each value is
 * taken once, by the first read of the turn (see turn-start.ts); a value absent here (undefined)
 * is read from Postgres, since the turn may have changed it since.
 */
export type TurnStart = { state?: ConversationStateRow | null; run?: GuideRunRow | null; doneRequest?: DoneRequest | null };

/**
 * One exchange with a resident: everything a handler needs, and the replies it has decided on.
 * Handlers change state through domain functions on `db` (the event's transaction) and `say` what
 * to answer; the replies are written to the outbox together at the end.
 */
export type Turn = {
  db: Tx;
  now: Date;
  resident: ResidentRow;
  /** The commune this OA serves; null when it is not configured (then no requests can be routed). */
  commune: OrgUnitRow | null;
  /** Base URL where Zalo can fetch our public images, when one is configured. */
  publicBaseUrl: string | null;
  start: TurnStart;
  replies: OutboundContent[];
  /** Outbox rows written for others (a team told of a new request), handed to the queue with the replies. */
  otherOutboxIds: number[];
  /** Set after a deletion: the replies then no longer point at a resident row. */
  residentDeleted: boolean;
  /** The privacy notice version shown in this turn; recorded in the statement that writes the replies. */
  noticeShown: string | null;
  say: (...contents: OutboundContent[]) => void;
};

export function newTurn(init: Omit<Turn, 'replies' | 'otherOutboxIds' | 'residentDeleted' | 'noticeShown' | 'say'>): Turn {
  const turn: Turn = {
    ...init,
    replies: [],
    otherOutboxIds: [],
    residentDeleted: false,
    noticeShown: null,
    say: (...contents) => void turn.replies.push(...contents),
  };
  return turn;
}

export function communeName(turn: Turn): string {
  return turn.commune?.name ?? 'xã';
}
