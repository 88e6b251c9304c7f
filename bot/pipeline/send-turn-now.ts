import type { CoreDeps } from '../deps.ts';
import type { DeliveryDeps } from '../domain/outbox/deliver-outbound-message.ts';
import type { Logger } from '../logger.ts';
import { handOverTurn } from './hand-over-outbox.ts';
import type { TurnRows } from './hand-over-outbox.ts';
import { inPlaceWaitMs, rateOf, throttleOa } from './pace-send-job.ts';
import type { SendPacingDeps } from './pace-send-job.ts';
import { sendTurn } from './send-turn.ts';
import type { TurnParking } from './send-turn.ts';

/** Sends a turn's replies from the job that wrote them, or hands them to the sender queue. */
export type TurnSender = (rows: TurnRows, log: Logger) => Promise<void>;

/** Ends an attempt whose rows not sent yet went to the sender queue. */
class HandedToQueue extends Error {}

/**
 * The replies to a resident go out from the job that wrote them, right after its commit, when
 * their OA has send slots free now: no second job, no trip through Redis and back, so the answer
 * comes sooner and costs the worker and Redis less. The rows were committed first, as for any
 * send, so nothing is lost if this process dies: the sweeper hands them over. Anything that is not
 * a plain send (their OA's slots are later, a row must wait, Zalo asks to retry, a failure) hands
 * the rows not sent yet to the sender queue, which goes on exactly as it would have. Rows the turn
 * wrote for others (a team's notice) and replies with no single OA are handed over as before.
 */
export function createTurnSender(deps: CoreDeps, delivery: (log: Logger) => DeliveryDeps, pacing: SendPacingDeps): TurnSender {
  return async (rows, log) => {
    await handOverTurn(deps, { marked: [], unmarked: rows.unmarked }, log);
    const oaId = rows.oaId ?? null;
    if (rows.marked.length === 0) return;
    if (!oaId) return handOverTurn(deps, { marked: rows.marked, unmarked: [] }, log);
    const wait = await pacing.slots.reserve(oaId, await rateOf(pacing, oaId), rows.marked.length);
    if (wait > inPlaceWaitMs) return handOverTurn(deps, { marked: rows.marked, unmarked: [], oaId }, log, { delayMs: wait, slotAt: Date.now() + wait });
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    try {
      await sendTurn({ deps, delivery: delivery(log), throttle: (ms) => throttleOa(pacing, oaId, ms), park: parkInQueue(deps, oaId, log) }, rows.marked);
    } catch (err) {
      if (!(err instanceof HandedToQueue)) throw err;
    }
  };
}

/** The rows not sent yet become one send job: delayed when they wait, after a backoff when they failed. */
function parkInQueue(deps: CoreDeps, oaId: string, log: Logger): TurnParking {
  const handOver = async (rest: number[], delayMs: number, reason: string): Promise<never> => {
    await handOverTurn(deps, { marked: rest, unmarked: [], oaId }, log, { delayMs });
    throw new HandedToQueue(reason);
  };
  return {
    wait: (rest, delayMs, reason) => handOver(rest, delayMs, reason),
    retry(rest, err) {
      log.warn({ err, outboxIds: rest }, 'sending a turn failed; the sender queue retries it');
      return handOver(rest, deps.config.retryBaseMs, 'retry');
    },
  };
}
