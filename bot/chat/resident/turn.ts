import type { Tx } from '../../../db/client.ts';
import type { OrgUnitRow } from '../../../db/queries/org-units.ts';
import type { ResidentRow } from '../../../db/queries/residents.ts';
import type { OutboundContent } from '../../domain/outbox/outbound-content.ts';

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
  replies: OutboundContent[];
  /** Outbox rows written for others (a team told of a new request), handed to the queue with the replies. */
  otherOutboxIds: number[];
  /** Set after a deletion: the replies then no longer point at a resident row. */
  residentDeleted: boolean;
  say: (...contents: OutboundContent[]) => void;
};

export function newTurn(init: Omit<Turn, 'replies' | 'otherOutboxIds' | 'residentDeleted' | 'say'>): Turn {
  const turn: Turn = {
    ...init,
    replies: [],
    otherOutboxIds: [],
    residentDeleted: false,
    say: (...contents) => void turn.replies.push(...contents),
  };
  return turn;
}

export function communeName(turn: Turn): string {
  return turn.commune?.name ?? 'xã';
}
