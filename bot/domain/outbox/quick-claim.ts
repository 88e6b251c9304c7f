import type { QuickClaim } from '../../../db/queries/outbound-claims.ts';
import type { OutboundRow } from '../../../db/queries/outbound-messages.ts';
import type { MessageTransport } from './message-transport.ts';

/** A row claimed for this attempt, ready to send: the next row of a batch comes back this way. */
export type ClaimedRow = { row: OutboundRow; inDoubtSince: Date | null; transport: MessageTransport; attempt: number };

type QuickClaimDeps = { transports: Partial<Record<OutboundRow['channel'], MessageTransport>>; clock: { now: () => Date }; maxAttempts: number };

/**
 * A quick claim of `id` (see outbound-claims). Only channels whose transport needs no check before
 * a claim qualify: a group's transport must first see whether its group is linked or belongs to
 * another process, which the full claim asks.
 */
export function quickClaim(deps: QuickClaimDeps, id: number): QuickClaim {
  const channels = Object.entries(deps.transports).flatMap(([channel, t]) => (t && !t.prepare && isChannel(channel) ? [channel] : []));
  return { id, now: deps.clock.now(), maxAttempts: deps.maxAttempts, channels };
}

function isChannel(channel: string): channel is OutboundRow['channel'] {
  return channel === 'oa_user' || channel === 'team_group' || channel === 'zalo_group';
}

/** A quickly claimed row with its transport; its claim already counted the attempt. */
export function claimedQuickly(deps: Pick<QuickClaimDeps, 'transports'>, row: OutboundRow): ClaimedRow | null {
  const transport = deps.transports[row.channel];
  return transport ? { row, inDoubtSince: null, transport, attempt: row.attempts } : null;
}
