import type { DbOrTx } from '../../../db/client.ts';
import { findTeamOfUnit } from '../../../db/queries/teams.ts';
import { buildCommuneWeekDigest } from '../../domain/digests/commune-week-digest.ts';
import { formatIsoWeek } from '../../domain/iso-week.ts';
import type { IsoWeek } from '../../domain/iso-week.ts';
import { queueTeamMessage } from '../../domain/outbox/queue-team-message.ts';
import { renderWeekDigest } from './render-week-digest.ts';
import { digestTexts } from './digest-texts.vi.ts';
import type { ReportLinks } from './report-links.ts';

/** The chart travels as a signed link in its own last message (a group message from us cannot carry a file). */
export function withChartLink(messages: string[], p: { communeId: number; week: IsoWeek; now: Date; links: ReportLinks | null }): string[] {
  return p.links ? [...messages, digestTexts.chartLink(p.links.weekChartUrl(p.communeId, p.week, p.now))] : messages;
}

export type DigestOutcome =
  | { kind: 'queued'; messages: string[]; outboxIds: number[] }
  /** Written before, for this commune and week: nothing new (a re-run of the schedule). */
  | { kind: 'already-sent'; messages: string[] }
  | { kind: 'no-leaders-group'; messages: string[] };

/**
 * Writes one commune's weekly digest to the outbox of its leaders' group. The outbox key names the
 * commune and the week, so a schedule that fires twice, or two workers, send it once.
 */
export async function queueWeekDigest(db: DbOrTx, p: { communeId: number; week: IsoWeek; now: Date; graceDays: number; links: ReportLinks | null }): Promise<DigestOutcome> {
  const messages = withChartLink(renderWeekDigest(await buildCommuneWeekDigest(db, p)), p);
  const leaders = await findTeamOfUnit(db, { unitId: p.communeId, kind: 'commune_leaders' });
  if (!leaders?.zaloGroupId) return { kind: 'no-leaders-group', messages };
  const outboxIds = await queueTeamMessage(db, {
    cause: `digest-${p.communeId}-${formatIsoWeek(p.week)}`,
    teamId: leaders.id,
    contents: messages.map((text) => ({ kind: 'text', text })),
  });
  return outboxIds.length > 0 ? { kind: 'queued', messages, outboxIds } : { kind: 'already-sent', messages };
}
