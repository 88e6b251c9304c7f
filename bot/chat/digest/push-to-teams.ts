import type { TeamRow } from '../../../db/queries/teams.ts';
import { listVillageTeamsOfCommune } from '../../../db/queries/teams.ts';
import { queueTeamMessage } from '../../domain/outbox/queue-team-message.ts';
import type { OutboundContent } from '../../domain/outbox/outbound-content.ts';
import { guideLibrary } from '../../guides/guide-library.ts';
import type { Guide } from '../../guides/guide.ts';
import { foldDiacritics } from '../nlu/fold-diacritics.ts';
import { personalize } from '../resident/personalize.ts';
import { reply } from '../group/group-turn.ts';
import type { GroupTurn } from '../group/group-turn.ts';
import { digestTexts as t } from './digest-texts.vi.ts';
import { splitMessages } from './split-messages.ts';
import { parseSendTime } from './parse-send-time.ts';
import { inQuietHours } from '../../domain/reminders/team-reminders.ts';
import { dayMonth, vietnamDate } from '../../domain/calendar.ts';

const weekdayNames = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** "08:00 thứ Bảy 05/12/2026" */
function sendTimeLabel(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3_600_000);
  const time = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  return `${time} ${weekdayNames[local.getUTCDay()] ?? ''} ${dayMonth(vietnamDate(at))}`;
}

type LeadersTurn = GroupTurn & { team: TeamRow };

/** `/gui <hướng dẫn>` in the leaders' group: a whole guide to every village team's group, to learn from. */
export async function pushGuide(turn: LeadersTurn, asked: string): Promise<void> {
  if (turn.team.kind !== 'commune_leaders') return reply(turn, t.pushLeadersOnly);
  // "/gui vneid-level2 thu 7 8h": sent then, not now.
  const later = parseSendTime(asked.trim(), turn.now);
  if (later && inQuietHours(later.at, { startHour: 21, endHour: 7 })) return reply(turn, t.sendTimeQuiet);
  const guide = matchGuide(later ? later.before : asked);
  if (!guide) return reply(turn, t.unknownGuide(Object.keys(guideLibrary).join(', ')));
  const paragraphs = [t.pushedGuideTitle(guide.title), guide.intro, ...guide.steps.map((s, i) => `Bước ${i + 1}/${guide.steps.length}: ${s.text}`), guide.done];
  // Written for residents ("{b}"): members read the neutral "bạn" form.
  const contents = splitMessages(paragraphs).map((text): OutboundContent => personalize({ kind: 'text', text }, null));
  await pushToTeams(turn, contents, guide.shortTitle, later?.at ?? null);
}

/** `/thongbao <nội dung>` in the leaders' group: a short announcement to every village team's group. */
export async function pushAnnouncement(turn: LeadersTurn, text: string): Promise<void> {
  if (turn.team.kind !== 'commune_leaders') return reply(turn, t.pushLeadersOnly);
  if (!text.trim()) return reply(turn, t.emptyAnnouncement);
  await pushToTeams(turn, splitMessages([t.announcement(turn.team.name, text.trim())]).map((m) => ({ kind: 'text', text: m })), null, null);
}

async function pushToTeams(turn: LeadersTurn, contents: OutboundContent[], what: string | null, at: Date | null): Promise<void> {
  const villageTeams = await listVillageTeamsOfCommune(turn.db, turn.team.unitId);
  const linked = villageTeams.filter((team) => team.zaloGroupId);
  for (const team of linked) {
    // Keyed by the command's own event: a redelivered command sends nothing twice.
    const ids = await queueTeamMessage(turn.db, { cause: `push-${turn.inboundEventId}-${team.id}`, teamId: team.id, contents, ...(at ? { notBefore: at } : {}) });
    // Scheduled rows are handed over by the sweeper when due, not now.
    if (!at) turn.otherOutboxIds.push(...ids);
  }
  const notLinked = villageTeams.filter((team) => !team.zaloGroupId).map((team) => team.name);
  reply(turn, at ? t.scheduled(what ?? '', linked.length, sendTimeLabel(at), notLinked) : t.pushed(what, linked.length, notLinked));
}

/** A guide by its id ("vneid-level2"), its id typed with spaces, or words of its short title. */
function matchGuide(asked: string): Guide | null {
  const key = foldDiacritics(asked.trim().toLowerCase()).replace(/[\s_]+/g, '-');
  if (!key) return null;
  const guides = Object.values(guideLibrary);
  return (
    guides.find((g) => g.id === key) ??
    guides.find((g) => foldDiacritics(g.shortTitle.toLowerCase()).replace(/\s+/g, '-') === key) ??
    guides.find((g) => foldDiacritics(g.shortTitle.toLowerCase()).replace(/\s+/g, '-').includes(key)) ??
    null
  );
}
