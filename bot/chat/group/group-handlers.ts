import { listOpenHelpRequestsOfTeam } from '../../../db/queries/help-requests.ts';
import { findMemberByZaloId, getMember } from '../../../db/queries/members.ts';
import { getOrgUnit } from '../../../db/queries/org-units.ts';
import type { TeamRow } from '../../../db/queries/teams.ts';
import { dayMonth, daysBetween, vietnamDate } from '../../domain/calendar.ts';
import { claimHelpRequest } from '../../domain/help-requests/claim-help-request.ts';
import { closeHelpRequest } from '../../domain/help-requests/close-help-request.ts';
import { correctLastReport } from '../../domain/reports/correct-last-report.ts';
import { submitReport } from '../../domain/reports/submit-report.ts';
import { undoLastReport } from '../../domain/reports/undo-last-report.ts';
import { teamWeekTotals } from '../../domain/reports/week-totals.ts';
import { buildCommuneWeekDigest } from '../../domain/digests/commune-week-digest.ts';
import { isoWeekOf, previousWeek } from '../../domain/iso-week.ts';
import { renderWeekDigest } from '../digest/render-week-digest.ts';
import { digestContents } from '../digest/queue-week-digest.ts';
import { replyMonthReport } from '../digest/month-report-reply.ts';
import { pushAnnouncement, pushGuide } from '../digest/push-to-teams.ts';
import { identifyGroupMember } from '../../domain/teams/identify-group-member.ts';
import { linkGroupToTeam } from '../../domain/teams/link-codes.ts';
import { findGuide } from '../../guides/guide-library.ts';
import { helpDoneQuestion } from '../resident/help-confirmation.ts';
import { personalize } from '../resident/personalize.ts';
import { teamNameForResidents } from '../team-name-for-residents.ts';
import { texts } from '../texts.vi.ts';
import type { GroupCommand } from './group-command.ts';
import { reply } from './group-turn.ts';
import type { GroupTurn } from './group-turn.ts';
import { isoToDayMonth, metricCatalogueText, metricLines } from './report-replies.ts';

type Handler<K extends GroupCommand['kind']> = (turn: GroupTurn & { team: TeamRow }, command: Extract<GroupCommand, { kind: K }>) => Promise<void>;

/**
 * `/tuan` in the leaders' group: the commune's digest for the week so far. The week is not over, so
 * every report in it is still on time and the grace days do not matter. `/tuan truoc`: the last full
 * week as the Monday digest judged it, for a leader who missed it in a busy group.
 */
async function communeWeek(turn: GroupTurn & { team: TeamRow }, previous: boolean): Promise<void> {
  const thisWeek = isoWeekOf(vietnamDate(turn.now));
  const week = previous ? previousWeek(thisWeek) : thisWeek;
  const digest = await buildCommuneWeekDigest(turn.db, { communeId: turn.team.unitId, week, now: turn.now, graceDays: previous ? turn.digestGraceDays : 0 });
  const [first, ...rest] = digestContents(renderWeekDigest(digest), { communeId: turn.team.unitId, week: digest.week, now: turn.now, links: turn.reportLinks });
  if (first?.kind === 'text') reply(turn, first.text);
  else if (first) turn.replies.push(first);
  turn.replies.push(...rest);
}

/** What each command does in a linked group. Adding a command kind without a handler fails to compile. */
export const groupHandlers = {
  report: async (turn, { report }) => {
    const { member, isNew } = await identify(turn);
    const saved = await submitReport(turn.db, { teamId: turn.team.id, memberId: member.id, inboundEventId: turn.inboundEventId, date: report.date, counts: report.counts, now: turn.now });
    if (saved.kind === 'duplicate') return;
    const text = texts.group.reportSaved(isoToDayMonth(report.date), member.displayName, metricLines(report.counts));
    reply(turn, isNew ? `${text}\n${texts.group.newMember}` : text);
  },

  correct: async (turn, { report }) => {
    const { member } = await identify(turn);
    const outcome = await correctLastReport(turn.db, { teamId: turn.team.id, memberId: member.id, inboundEventId: turn.inboundEventId, date: report.date, counts: report.counts, now: turn.now });
    if (outcome.kind === 'duplicate') return;
    if (outcome.kind === 'nothing') return reply(turn, texts.group.nothingToCorrect);
    reply(turn, texts.group.corrected(isoToDayMonth(report.date), member.displayName, metricLines(report.counts)));
  },

  undo: async (turn, _command) => {
    const member = await findMemberByZaloId(turn.db, { teamId: turn.team.id, source: memberIdSource(turn), zaloUserId: turn.sender.id });
    const undone = member ? await undoLastReport(turn.db, { memberId: member.id, now: turn.now }) : { kind: 'nothing' as const };
    if (undone.kind === 'nothing' || !member) return reply(turn, texts.group.nothingToUndo);
    const lines = metricLines(Object.fromEntries(undone.items.map((i) => [i.metric, i.count])));
    reply(turn, texts.group.undone(isoToDayMonth(undone.report.reportDate), member.displayName, lines));
  },

  claim: async (turn, { requestId }) => {
    const { member } = await identify(turn);
    const teamForResidents = await teamNameForResidents(turn.db, turn.team);
    const outcome = await claimHelpRequest(turn.db, {
      requestId,
      teamId: turn.team.id,
      member,
      now: turn.now,
      residentMessage: (_request, addressForm) =>
        personalize({ kind: 'text', text: texts.group.claimedForResident(member.displayName, teamForResidents, requestId) }, addressForm),
    });
    switch (outcome.kind) {
      case 'claimed': {
        turn.otherOutboxIds.push(...outcome.outboxIds);
        const about = await describeRequest(turn, outcome.request);
        return reply(turn, texts.group.claimed(member.displayName, requestId, `${about.place}, ${about.need}`));
      }
      case 'not-found':
        return reply(turn, texts.group.requestNotFound(requestId));
      case 'other-team':
        return reply(turn, texts.group.requestOtherTeam(requestId));
      case 'taken':
        return reply(turn, texts.group.requestTaken(requestId, outcome.by.displayName));
      case 'closed':
        return reply(turn, texts.group.requestAlreadyDone(requestId));
    }
  },

  close: async (turn, { requestId, note }) => {
    const { member } = await identify(turn);
    const outcome = await closeHelpRequest(turn.db, { requestId, teamId: turn.team.id, memberId: member.id, note, now: turn.now, question: (r, addressForm) => helpDoneQuestion(r.id, addressForm) });
    switch (outcome.kind) {
      case 'closed':
        turn.otherOutboxIds.push(...outcome.outboxIds);
        return reply(turn, texts.group.closed(requestId));
      case 'already-closed':
        return reply(turn, texts.group.requestAlreadyDone(requestId));
      case 'other-team':
        return reply(turn, texts.group.requestOtherTeam(requestId));
      case 'not-found':
        return reply(turn, texts.group.requestNotFound(requestId));
    }
  },

  list: async (turn, _command) => {
    const open = await listOpenHelpRequestsOfTeam(turn.db, turn.team.id);
    if (open.length === 0) return reply(turn, texts.group.noOpenRequests);
    const today = vietnamDate(turn.now);
    const lines = [];
    for (const r of open.slice(0, 20)) {
      const who = r.claimedByMemberId ? texts.group.claimedBy((await getMember(turn.db, r.claimedByMemberId)).displayName) : texts.group.unclaimed;
      const { place, need } = await describeRequest(turn, r);
      lines.push(texts.group.requestLine({ id: r.id, place, need, age: texts.group.ageDays(daysBetween(vietnamDate(r.createdAt), today)), who }));
    }
    reply(turn, texts.group.openRequests(lines));
  },

  week: async (turn, { previous }) => {
    if (turn.team.kind === 'commune_leaders') return communeWeek(turn, previous);
    const week = await teamWeekTotals(turn.db, { teamId: turn.team.id, now: turn.now, previous });
    const lines = metricLines(Object.fromEntries(week.totals));
    const which = previous ? 'last' : 'this';
    reply(turn, lines.length === 0 ? texts.group.weekEmpty(which, turn.team.name) : texts.group.week(which, dayMonth(week.from), dayMonth(week.to), turn.team.name, lines));
  },

  monthReport: (turn, { month }) => replyMonthReport(turn, month),
  pushGuide: (turn, { guide }) => pushGuide(turn, guide),
  announce: (turn, { text }) => pushAnnouncement(turn, text),

  help: async (turn, _command) => {
    reply(turn, texts.group.help(metricCatalogueText()));
  },

  link: (turn, { code }) => linkGroup(turn, code),
} satisfies { [K in GroupCommand['kind']]: Handler<K> };

/** `/lienket CODE`: also the one command a group that is not linked yet answers (with /giup). */
export async function linkGroup(turn: GroupTurn, code: string): Promise<void> {
  const outcome = await linkGroupToTeam(turn.db, { code, transport: turn.transport, groupId: turn.groupId, groupOaId: turn.oaId, now: turn.now });
  reply(turn, linkText(outcome));
}

function linkText(outcome: Awaited<ReturnType<typeof linkGroupToTeam>>): string {
  switch (outcome.kind) {
    case 'linked':
      return texts.group.linked(outcome.team.name);
    case 'already-linked':
    case 'group-taken':
      return texts.group.alreadyLinked(outcome.team.name);
    case 'bad-code':
      return texts.group.badCode;
    case 'other-commune':
      return texts.group.otherCommune(outcome.team.name);
    case 'expired-code':
      return texts.group.expiredCode;
    case 'used-code':
      return texts.group.usedCode;
  }
}

function identify(turn: GroupTurn & { team: TeamRow }) {
  return identifyGroupMember(turn.db, { teamId: turn.team.id, source: memberIdSource(turn), zaloUserId: turn.sender.id, displayName: turn.sender.name });
}

/** Zalo user ids differ by channel: GMF groups carry OA-scoped ids, zca-js groups global ones. */
function memberIdSource(turn: GroupTurn): 'oa' | 'zca' {
  return turn.transport === 'gmf' ? 'oa' : 'zca';
}

/** Where and what ("Thôn Đông", "Cài VNeID"), never who: the group does not need the resident's name here. */
async function describeRequest(turn: GroupTurn, r: { villageId: number | null; topic: string | null; kind: string }): Promise<{ place: string; need: string }> {
  const place = r.villageId ? (await getOrgUnit(turn.db, r.villageId)).name : 'xã';
  const need = (r.topic ? findGuide(r.topic)?.shortTitle : null) ?? (r.kind === 'question' ? 'câu hỏi' : texts.otherNeed);
  return { place, need };
}
