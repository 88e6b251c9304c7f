import type { DbOrTx } from '../../../db/client.ts';
import { findTeamOfUnit } from '../../../db/queries/teams.ts';
import { buildCommuneWeekDigest } from '../../domain/digests/commune-week-digest.ts';
import { formatIsoWeek } from '../../domain/iso-week.ts';
import type { IsoWeek } from '../../domain/iso-week.ts';
import { queueTeamMessage } from '../../domain/outbox/queue-team-message.ts';
import { renderWeekDigest } from './render-week-digest.ts';

export type DigestOutcome =
  | { kind: 'queued'; messages: string[]; outboxIds: number[] }
  /** Written before, for this commune and week: nothing new (a re-run of the schedule). */
  | { kind: 'already-sent'; messages: string[] }
  | { kind: 'no-leaders-group'; messages: string[] };

/**
 * Writes one commune's weekly digest to the outbox of its leaders' group. The outbox key names the
 * commune and the week, so a schedule that fires twice, or two workers, send it once.
 */
export async function queueWeekDigest(db: DbOrTx, p: { communeId: number; week: IsoWeek; now: Date; graceDays: number }): Promise<DigestOutcome> {
  const messages = renderWeekDigest(await buildCommuneWeekDigest(db, p));
  const leaders = await findTeamOfUnit(db, { unitId: p.communeId, kind: 'commune_leaders' });
  if (!leaders?.zaloGroupId) return { kind: 'no-leaders-group', messages };
  const outboxIds = await queueTeamMessage(db, {
    cause: `digest-${p.communeId}-${formatIsoWeek(p.week)}`,
    teamId: leaders.id,
    contents: messages.map((text) => ({ kind: 'text', text })),
  });
  return outboxIds.length > 0 ? { kind: 'queued', messages, outboxIds } : { kind: 'already-sent', messages };
}
