import type { Db } from '../../db/client.ts';
import { insertInboundEvent } from '../../db/queries/inbound-events.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { toStoredZcaMessage, zcaEventName } from '../zalo/zca/zca-stored-message.ts';
import type { ZcaGroupMessage } from '../zalo/zca/zca-stored-message.ts';
import { handOverStoredEvent } from './hand-over-stored-event.ts';

export type AcceptZcaDeps = { db: Db; clock: Clock; logger: Logger; ownUid: string; enqueueInbound: (id: number) => Promise<void> };

const retryDelaysMs = [200, 1000, 3000];

/**
 * Stores a group message from the zca-js listener in the same inbound table as webhook events
 * (unique on the account and zca-js message id, so a message seen twice is stored once), then
 * queues it. zca-js does not redeliver, so a failed insert is retried a few times before giving up.
 */
export async function acceptZcaMessage(deps: AcceptZcaDeps, message: ZcaGroupMessage): Promise<number | null> {
  const stored = toStoredZcaMessage(message);
  let id: number | null = null;
  for (let attempt = 0; ; attempt++) {
    try {
      id = await insertInboundEvent(deps.db, {
        source: 'zca',
        oaId: null,
        eventName: zcaEventName,
        senderId: stored.senderId,
        dedupeKey: stored.dedupeKey(deps.ownUid),
        payload: stored.payload,
        status: 'received',
        receivedAt: deps.clock.now(),
        enqueuedAt: deps.clock.now(),
      });
      break;
    } catch (err) {
      const wait = retryDelaysMs[attempt];
      if (wait === undefined) throw err;
      deps.logger.warn({ err, attempt }, 'zca: storing a message failed; retrying');
      await new Promise((r) => setTimeout(r, wait));
    }
  }
  if (id === null) return null;
  await handOverStoredEvent(deps, id);
  return id;
}
