import type { FastifyReply } from 'fastify';

/**
 * An `onRequest` hook that answers 503 at once, before the body is read, while `max` requests of
 * its route are already being handled. Beyond capacity the requests in flight pile up (Little's law:
 * in flight = rate × time to answer), so capping them caps the time to answer; the excess costs a
 * fraction of a stored event and gets its answer while Zalo still waits, instead of everything
 * getting slower until nothing is answered in time.
 */
export function limitInFlight(max: number, onRefused: () => void) {
  let inFlight = 0;
  return async (_request: unknown, reply: FastifyReply) => {
    if (inFlight >= max) {
      onRefused();
      return reply.code(503).send({ error: 'overloaded' });
    }
    inFlight += 1;
    // 'close' comes once the answer is written or the connection is gone, whichever way the request ended.
    reply.raw.once('close', () => {
      inFlight -= 1;
    });
  };
}
