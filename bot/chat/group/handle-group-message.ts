import type { ReportLinks } from '../digest/report-links.ts';
import type { Tx } from '../../../db/client.ts';
import { findTeamByGroup } from '../../../db/queries/teams.ts';
import { queueGroupReplies } from '../../domain/outbox/queue-group-replies.ts';
import type { IncomingGroupMessage } from '../incoming-event.ts';
import { texts } from '../texts.vi.ts';
import { parseGroupCommand } from './group-command.ts';
import type { GroupCommand } from './group-command.ts';
import { groupHandlers, linkGroup } from './group-handlers.ts';
import { reply } from './group-turn.ts';
import type { GroupTurn } from './group-turn.ts';
import { metricCatalogueText, rejectionText } from './report-replies.ts';

/**
 * A message in a team's Zalo group. Only messages that start with a command count: plain chat is
 * ignored without a word. A group not linked to a team answers only /lienket and /giup. Replies go
 * back to the same group and are returned as outbox ids (with any messages for residents).
 */
export async function handleGroupMessage(deps: { db: Tx; now: Date; reportLinks: ReportLinks | null; digestGraceDays: number }, message: IncomingGroupMessage): Promise<number[]> {
  if (!message.text) return [];
  const parsed = parseGroupCommand(message.text, deps.now);
  if (!parsed.ok && parsed.rejection === null) return [];
  const transport = message.source === 'oa' ? 'gmf' : 'zca';
  const turn: GroupTurn = {
    db: deps.db,
    now: deps.now,
    inboundEventId: message.inboundEventId,
    transport,
    groupId: message.chat.groupId,
    oaId: transport === 'gmf' ? message.channelId : null,
    team: await findTeamByGroup(deps.db, { transport, groupId: message.chat.groupId }),
    sender: { id: message.senderId, name: message.senderName },
    replies: [],
    otherOutboxIds: [],
    reportLinks: deps.reportLinks,
    digestGraceDays: deps.digestGraceDays,
  };
  if (!parsed.ok) {
    if (turn.team || parsed.rejection.reason === 'missing-link-code') reply(turn, rejectionText(parsed.rejection));
  } else {
    await run(turn, parsed.command);
  }
  const ids = await queueGroupReplies(deps.db, { inboundEventId: message.inboundEventId, transport, groupId: turn.groupId, oaId: turn.oaId, contents: turn.replies });
  return [...ids, ...turn.otherOutboxIds];
}

async function run(turn: GroupTurn, command: GroupCommand): Promise<void> {
  const team = turn.team;
  if (!team) {
    if (command.kind === 'link') return linkGroup(turn, command.code);
    if (command.kind === 'help') return reply(turn, `${texts.group.notLinkedHelp}\n\n${texts.group.help(metricCatalogueText())}`);
    return;
  }
  const bound = { ...turn, team };
  switch (command.kind) {
    case 'report':
      return groupHandlers.report(bound, command);
    case 'correct':
      return groupHandlers.correct(bound, command);
    case 'undo':
      return groupHandlers.undo(bound, command);
    case 'claim':
      return groupHandlers.claim(bound, command);
    case 'close':
      return groupHandlers.close(bound, command);
    case 'list':
      return groupHandlers.list(bound, command);
    case 'week':
      return groupHandlers.week(bound, command);
    case 'monthReport':
      return groupHandlers.monthReport(bound, command);
    case 'pushGuide':
      return groupHandlers.pushGuide(bound, command);
    case 'announce':
      return groupHandlers.announce(bound, command);
    case 'help':
      return groupHandlers.help(bound, command);
    case 'link':
      return groupHandlers.link(bound, command);
    default: {
      // A command kind without a case here fails to compile.
      const unhandled: never = command;
      return unhandled;
    }
  }
}
