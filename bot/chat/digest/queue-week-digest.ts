import type { DbOrTx } from '../../../db/client.ts';
import { findTeamOfUnit } from '../../../db/queries/teams.ts';
import { buildCommuneWeekDigest } from '../../domain/digests/commune-week-digest.ts';
import { formatIsoWeek } from '../../domain/iso-week.ts';
import type { IsoWeek } from '../../domain/iso-week.ts';
import type { OutboundContent } from '../../domain/outbox/outbound-content.ts';
import { queueTeamMessage } from '../../domain/outbox/queue-team-message.ts';
import { renderWeekDigest } from './render-week-digest.ts';
import { digestTexts } from './digest-texts.vi.ts';
import type { ReportLinks } from './report-links.ts';

/**
 * The digest as messages: its texts, then the chart as a picture (drawn when it is sent), captioned
 * with a signed link to open it full size when the bot has a public address.
 */
export function digestContents(texts: string[], p: { communeId: number; week: IsoWeek; now: Date; links: ReportLinks | null }): OutboundContent[] {
  const url = p.links ? p.links.weekChartUrl(p.communeId, p.week, p.now) : null;
  return [
    ...texts.map((text): OutboundContent => ({ kind: 'text', text })),
    { kind: 'week-chart', communeId: p.communeId, week: formatIsoWeek(p.week), caption: digestTexts.chartCaption(p.week.week, url) },
  ];
}

export type DigestOutcome =
  | { kind: 'queued'; messages: OutboundContent[]; outboxIds: number[] }
  /** Written before, for this commune and week: nothing new (a re-run of the schedule). */
  | { kind: 'already-sent'; messages: OutboundContent[] }
  | { kind: 'no-leaders-group'; messages: OutboundContent[] };

/**
 * Writes one commune's weekly digest to the outbox of its leaders' group. The outbox key names the
 * commune and the week, so a schedule that fires twice, or two workers, send it once. The digest's
 * numbers are read from `readFrom` (the read replica, when there is one); the rest uses `db`.
 */
export async function queueWeekDigest(
  db: DbOrTx,
  p: { communeId: number; week: IsoWeek; now: Date; graceDays: number; links: ReportLinks | null },
  readFrom: DbOrTx = db,
): Promise<DigestOutcome> {
  const messages = digestContents(renderWeekDigest(await buildCommuneWeekDigest(readFrom, p)), p);
  const leaders = await findTeamOfUnit(db, { unitId: p.communeId, kind: 'commune_leaders' });
  if (!leaders?.zaloGroupId) return { kind: 'no-leaders-group', messages };
  const outboxIds = await queueTeamMessage(db, {
    cause: `digest-${p.communeId}-${formatIsoWeek(p.week)}`,
    teamId: leaders.id,
    contents: messages,
  });
  return outboxIds.length > 0 ? { kind: 'queued', messages, outboxIds } : { kind: 'already-sent', messages };
}
