import type { Logger } from '../logger.ts';

export type BacklogGate = {
  /** How many of `wanted` events may be handed to the queue now (0 while it is full). */
  room: (wanted: number) => Promise<number>;
  /** Tells the gate how many were handed over, so it need not ask Redis before every pass. */
  handedOver: (count: number) => void;
};

/**
 * Keeps the inbound queue's backlog in Redis under `maxBacklog` jobs. Every stored event is safe
 * in Postgres; Redis needs only what the workers will take in the next seconds. Handing over faster
 * than they take jobs buys nothing, costs Redis memory (a flood, or the backlog of an outage, would
 * all land there at once) and, in a burst, takes CPU from the webhook answers Zalo is waiting for.
 * Redis is asked only when the count last read plus what was handed over since could pass the
 * limit: a steady stream well below it costs one count per `maxBacklog` events or so.
 */
export function createBacklogGate(countBacklog: () => Promise<number>, maxBacklog: number, logger: Logger): BacklogGate {
  let estimate: number | null = null;
  let full = false;
  return {
    async room(wanted) {
      if (estimate === null || estimate + wanted > maxBacklog) estimate = await countBacklog();
      const room = Math.max(0, Math.min(wanted, maxBacklog - estimate));
      if (room === 0 && !full) logger.warn({ backlog: estimate, maxBacklog }, 'inbound queue full: new events wait in Postgres until the workers catch up');
      if (room > 0 && full) logger.info({ backlog: estimate }, 'inbound queue has room again: handing events over');
      full = room === 0;
      return room;
    },
    handedOver(count) {
      if (estimate !== null) estimate += count;
    },
  };
}
