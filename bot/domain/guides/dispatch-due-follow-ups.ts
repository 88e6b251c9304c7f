import type { Db } from '../../../db/client.ts';
import { lockDueFollowUps, markFollowUp } from '../../../db/queries/follow-ups.ts';
import { findGuideRun } from '../../../db/queries/guide-runs.ts';
import { getResident } from '../../../db/queries/residents.ts';
import type { Clock } from '../../clock.ts';
import type { OutboundContent } from '../outbox/outbound-content.ts';
import { queueReplies } from '../outbox/queue-replies.ts';
import { replyWindow } from '../outbox/reply-window.ts';

export type FollowUpDeps = { db: Db; clock: Clock };
export type FollowUpResult = { sent: number[]; skipped: { id: number; reason: string }[] };

/**
 * Sends the due follow-ups, each at most once: only inside the free 48 h window, never outside the
 * 7-day window, never to someone who opted out or already finished. Every skip records its reason.
 * Returns the outbox ids written, for the caller to enqueue.
 */
export async function dispatchDueFollowUps(
  deps: FollowUpDeps,
  params: { limit: number; message: (guideId: string, addressForm: string | null) => OutboundContent[] },
): Promise<FollowUpResult & { outboxIds: number[] }> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const result: FollowUpResult & { outboxIds: number[] } = { sent: [], skipped: [], outboxIds: [] };
    for (const due of await lockDueFollowUps(tx, { now, limit: params.limit })) {
      const run = await findGuideRun(tx, due.guideRunId);
      const resident = await getResident(tx, due.residentId);
      const window = replyWindow(resident.lastInteractionAt, now);
      const reason =
        !run || run.status !== 'active'
          ? 'guide-not-active'
          : resident.optedOut
            ? 'opted-out'
            : window === 'closed'
              ? 'outside-7-day-window'
              : window === 'paid'
                ? 'outside-free-48h-window'
                : null;
      if (reason || !run) {
        await markFollowUp(tx, { id: due.id, status: reason === 'guide-not-active' ? 'cancelled' : 'skipped', reason, at: now });
        result.skipped.push({ id: due.id, reason: reason ?? 'guide-not-active' });
        continue;
      }
      const ids = await queueReplies(tx, {
        cause: `follow-up-${due.id}`,
        oaId: resident.oaId,
        recipientUserId: resident.zaloUserId,
        residentId: resident.id,
        inboundEventId: null,
        contents: params.message(run.guideId, resident.addressForm),
      });
      await markFollowUp(tx, { id: due.id, status: 'sent', reason: null, at: now });
      result.sent.push(due.id);
      result.outboxIds.push(...ids);
    }
    return result;
  });
}
