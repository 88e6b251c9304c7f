import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createCountedWarning } from '../../counted-warning.ts';
import type { CountedWarning } from '../../counted-warning.ts';
import { describeError, warnOrQuieter } from '../../logger.ts';
import { acceptWebhookEvent } from '../../pipeline/accept-webhook-event.ts';
import { limitInFlight } from '../in-flight-limit.ts';
import type { WebhookDeps } from '../../pipeline/accept-webhook-event.ts';

/** Zalo's limit for one event is far below this; anything larger is not from Zalo. */
export const webhookBodyLimit = 64 * 1024;

export type WebhookRouteOptions = {
  deps: WebhookDeps;
  /** Deliveries handled at once beyond which the next ones get 503 at once (see in-flight-limit.ts). */
  maxInFlight?: number;
};

/**
 * `POST /webhooks/zalo`. Registered in its own scope with a raw-bytes body parser: the signature
 * covers the exact bytes, so the body must not be parsed and re-serialised before checking it.
 */
export async function zaloWebhookRoute(app: FastifyInstance, opts: WebhookRouteOptions) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: webhookBodyLimit }, (_req, body, done) => done(null, body));
  const refused = createCountedWarning(opts.deps.logger, 'webhook overloaded: answering 503 before reading the body so Zalo retries later', { everyMs: 10_000 });
  const onRequest = limitInFlight(opts.maxInFlight ?? Number.POSITIVE_INFINITY, () => refused.count(1, { maxInFlight: opts.maxInFlight }));
  // Anything thrown on the way to the store (the OA list unreadable while Postgres is away at start)
  // is answered 503 like a failed store, so Zalo retries; one line per 10 s, not a 500 and a stack each.
  const failed = createCountedWarning(opts.deps.logger, 'webhook delivery could not be handled: answering 503 so Zalo retries later', { everyMs: 10_000 });
  // No line per accepted delivery: Fastify's "incoming request" and "request completed" lines cost
  // more CPU than storing the event does, and the store logs one line per statement for the
  // deliveries it holds. The route's request logger starts at warn (rejections log through it).
  const logLevel = warnOrQuieter(opts.deps.logger.level);
  app.post('/webhooks/zalo', { bodyLimit: webhookBodyLimit, onRequest, logLevel }, (request, reply) => answerDelivery(opts.deps, request, reply, failed));
}

async function answerDelivery(deps: WebhookRouteOptions['deps'], request: FastifyRequest, reply: FastifyReply, failed: CountedWarning) {
  const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  let outcome;
  try {
    outcome = await acceptWebhookEvent({ ...deps, logger: request.log }, { rawBody, signature: request.headers['x-zevent-signature'] });
  } catch (err) {
    failed.count(1, { error: describeError(err) });
    return reply.code(503).send({ error: 'unavailable' });
  }
  switch (outcome.kind) {
    case 'unauthorized':
      // Never log the body of an unauthenticated request.
      request.log.warn({ reason: outcome.reason, bytes: rawBody.length, ip: request.ip }, 'webhook rejected: bad signature');
      return reply.code(401).send({ error: 'invalid-signature' });
    case 'bad-request':
      request.log.warn({ reason: outcome.reason, ip: request.ip }, 'webhook rejected');
      return reply.code(400).send({ error: 'bad-request', reason: outcome.reason });
    case 'unavailable':
      return reply.code(503).send({ error: 'unavailable' });
    case 'duplicate':
    case 'stored':
      // Logged by the store, one line per statement (inbound-event-batcher.ts).
      return reply.code(200).send({ ok: true });
  }
}
