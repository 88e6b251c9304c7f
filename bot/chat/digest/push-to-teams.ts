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

type LeadersTurn = GroupTurn & { team: TeamRow };

/** `/gui <hướng dẫn>` in the leaders' group: a whole guide to every village team's group, to learn from. */
export async function pushGuide(turn: LeadersTurn, asked: string): Promise<void> {
  if (turn.team.kind !== 'commune_leaders') return reply(turn, t.pushLeadersOnly);
  const guide = matchGuide(asked);
  if (!guide) return reply(turn, t.unknownGuide(Object.keys(guideLibrary).join(', ')));
  const paragraphs = [t.pushedGuideTitle(guide.title), guide.intro, ...guide.steps.map((s, i) => `Bước ${i + 1}/${guide.steps.length}: ${s.text}`), guide.done];
  // Written for residents ("{b}"): members read the neutral "bạn" form.
  const contents = splitMessages(paragraphs).map((text): OutboundContent => personalize({ kind: 'text', text }, null));
  await pushToTeams(turn, contents, guide.shortTitle);
}

/** `/thongbao <nội dung>` in the leaders' group: a short announcement to every village team's group. */
export async function pushAnnouncement(turn: LeadersTurn, text: string): Promise<void> {
  if (turn.team.kind !== 'commune_leaders') return reply(turn, t.pushLeadersOnly);
  if (!text.trim()) return reply(turn, t.emptyAnnouncement);
  await pushToTeams(turn, splitMessages([t.announcement(turn.team.name, text.trim())]).map((m) => ({ kind: 'text', text: m })), null);
}

async function pushToTeams(turn: LeadersTurn, contents: OutboundContent[], what: string | null): Promise<void> {
  const villageTeams = await listVillageTeamsOfCommune(turn.db, turn.team.unitId);
  const linked = villageTeams.filter((team) => team.zaloGroupId);
  for (const team of linked) {
    // Keyed by the command's own event: a redelivered command sends nothing twice.
    turn.otherOutboxIds.push(...(await queueTeamMessage(turn.db, { cause: `push-${turn.inboundEventId}-${team.id}`, teamId: team.id, contents })));
  }
  const notLinked = villageTeams.filter((team) => !team.zaloGroupId).map((team) => team.name);
  reply(turn, t.pushed(what, linked.length, notLinked));
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
