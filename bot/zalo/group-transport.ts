import type { Db } from '../../db/client.ts';
import { getTeam } from '../../db/queries/teams.ts';
import type { GroupTransport } from '../../db/queries/teams.ts';
import { DeliveryError } from '../domain/outbox/message-transport.ts';
import type { HandoffQueue, MessageTransport, Via } from '../domain/outbox/message-transport.ts';
import type { GroupSender } from './group-sender.ts';

const notLinkedRetryMs = 10 * 60_000;

/** `oaId`: for a GMF group, the OA that owns it (the team's, else the row's). */
type Target = { transport: GroupTransport; groupId: string; oaId: string | null };

/**
 * Delivery to Zalo groups. `team` recipients are team ids, sent to whatever group the team is
 * linked to at that moment (a message for a team that has no group yet waits without using up
 * attempts); `direct` recipients are "gmf:<id>" / "zca:<id>". A group on a transport this process
 * cannot use is handed to the process that can.
 */
export function createGroupTransport(deps: {
  db: Db;
  recipients: 'team' | 'direct';
  senders: Partial<Record<GroupTransport, GroupSender>>;
  handoff: Partial<Record<GroupTransport, HandoffQueue>>;
}): MessageTransport {
  async function resolve(recipientId: string, via: Via | undefined): Promise<Target | null> {
    if (deps.recipients === 'direct') {
      const m = /^(gmf|zca):(.+)$/.exec(recipientId);
      return m?.[1] && m[2] ? { transport: m[1] === 'gmf' ? 'gmf' : 'zca', groupId: m[2], oaId: via?.oaId ?? null } : null;
    }
    const team = await getTeam(deps.db, Number(recipientId));
    return team.groupTransport && team.zaloGroupId ? { transport: team.groupTransport, groupId: team.zaloGroupId, oaId: team.groupOaId ?? via?.oaId ?? null } : null;
  }

  async function sender(recipientId: string, via: Via | undefined): Promise<{ target: Target; sender: GroupSender }> {
    const target = await resolve(recipientId, via);
    const local = target ? deps.senders[target.transport] : undefined;
    if (!target || !local) throw new DeliveryError('retry', `group for ${recipientId} is not reachable from this process`, null, notLinkedRetryMs);
    return { target, sender: local };
  }

  return {
    async prepare(recipientId, via) {
      const target = await resolve(recipientId, via);
      if (!target) return { kind: 'wait', delayMs: notLinkedRetryMs, reason: 'team-group-not-linked' };
      if (deps.senders[target.transport]) return { kind: 'ready' };
      const to = deps.handoff[target.transport];
      return to ? { kind: 'handoff', to } : { kind: 'wait', delayMs: notLinkedRetryMs, reason: `no ${target.transport} transport running` };
    },
    async send(recipientId, content, via) {
      const { target, sender: s } = await sender(recipientId, via);
      return s.send(target.groupId, content, { oaId: target.oaId });
    },
    async findDelivered({ recipientId, content, since, excludeMessageIds }, via) {
      const { target, sender: s } = await sender(recipientId, via);
      return s.findDelivered({ groupId: target.groupId, content, since, excludeMessageIds }, { oaId: target.oaId });
    },
  };
}
