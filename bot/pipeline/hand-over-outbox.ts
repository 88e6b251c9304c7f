import type { CoreDeps } from '../deps.ts';
import type { Logger } from '../logger.ts';
import { markOutboundEnqueued, markOutboundNotEnqueued } from '../../db/queries/outbound-messages.ts';

/**
 * The one hand-over of committed outbox rows to the sender queue, used by the bot (the Mini App
 * API's messages go out at once) and by the workers (turns, digests, reminders). Independent
 * messages are queued due at their OA's next free slot (plan-sends.ts); a turn's replies at once.
 * The rows are already committed, so if Redis refuses they are only late: the sweeper queues them.
 */

/** Bounds a hand-over when Redis does not answer: the rows are safe in Postgres and only late. */
const handOverTimeoutMs = 2000;

/** Independent messages (each its own job): announcements, digests, reminders, API notices. */
export async function handOverOutbox(deps: CoreDeps, outboxIds: number[], log: Logger): Promise<void> {
  if (outboxIds.length === 0) return;
  try {
    await withTimeout(deps.planSends(outboxIds.map((id) => [id])).then(deps.queues.enqueueSends));
    await markOutboundEnqueued(deps.db, outboxIds, deps.clock.now());
  } catch (err) {
    log.warn({ err, outboxIds }, 'messages written; the sweeper will queue them');
  }
}

/** A turn's rows: `marked` ones were written as handed over, `unmarked` ones were not. */
export type TurnRows = { marked: number[]; unmarked: number[]; oaId?: string | null };

/**
 * One turn's rows as one job, which sends them in this order: no per-row jobs, and no ordering wait
 * between the messages of a turn. The job's id is its first row's, so the sweeper re-handing that
 * row finds the same job. `marked` rows were written as handed over (the mark is cleared if Redis
 * refuses, so the sweeper takes them within seconds); `unmarked` ones are marked once the queue
 * has them. `oaId`: the OA the first row goes out through, when the caller knows it. `when`: due
 * later (a row waits), or at slots reserved already (send-turn-now.ts).
 *
 * A turn answers someone who is waiting, so it is due at once, not planned behind the OA's other
 * messages: during a province-wide announcement a resident's reply still comes in seconds. The
 * send step's check of the OA's `sent` schedule keeps the OA within its rate all the same.
 */
export async function handOverTurn(deps: CoreDeps, rows: TurnRows, log: Logger, when: { delayMs: number; slotAt?: number } = { delayMs: 0 }): Promise<void> {
  const ids = [...rows.marked, ...rows.unmarked];
  if (ids.length === 0) return;
  try {
    await withTimeout(deps.queues.enqueueSends([{ ids, oaId: rows.oaId ?? null, ...when }]));
  } catch (err) {
    log.warn({ err, outboxIds: ids }, 'messages written; the sweeper will queue them');
    await markOutboundNotEnqueued(deps.db, rows.marked).catch(() => undefined);
    return;
  }
  await markOutboundEnqueued(deps.db, rows.unmarked, deps.clock.now()).catch(() => undefined);
}

function withTimeout<T>(p: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis did not answer within ${handOverTimeoutMs} ms`)), handOverTimeoutMs);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}
