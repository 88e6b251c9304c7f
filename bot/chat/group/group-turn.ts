import type { Tx } from '../../../db/client.ts';
import type { GroupTransport, TeamRow } from '../../../db/queries/teams.ts';
import type { OutboundContent } from '../../domain/outbox/outbound-content.ts';
import type { ReportLinks } from '../digest/report-links.ts';

/** One command in a group: where it came from, who sent it, and the replies decided so far. */
export type GroupTurn = {
  db: Tx;
  now: Date;
  inboundEventId: number;
  transport: GroupTransport;
  groupId: string;
  /** The OA that owns the group (GMF), whose webhook brought the message; null for zca-js groups. */
  oaId: string | null;
  /** The team bound to this group, or null before `/lienket`. */
  team: TeamRow | null;
  sender: { id: string; name: string | null };
  replies: OutboundContent[];
  /** Outbox rows written for others (e.g. the resident told who will come), to be enqueued too. */
  otherOutboxIds: number[];
  /** Signed download links for the leaders' reports; null when the bot has no public address. */
  reportLinks: ReportLinks | null;
  /** DIGEST_ONTIME_GRACE_DAYS: `/tuan truoc` judges the last week as the Monday digest did. */
  digestGraceDays: number;
};

/** A reply that names the sender, so it is clear in a busy group whom it answers. */
export function reply(turn: GroupTurn, text: string): void {
  turn.replies.push(
    turn.sender.name ? { kind: 'text', text, mention: { userId: turn.sender.id, name: turn.sender.name.slice(0, 100) } } : { kind: 'text', text },
  );
}
