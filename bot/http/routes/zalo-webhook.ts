import type { FastifyInstance, FastifyReply } from 'fastify';
import { createCountedWarning } from '../../counted-warning.ts';
import { acceptWebhookEvent } from '../../zalo/accept-webhook-event.ts';
import type { WebhookDeps } from '../../zalo/accept-webhook-event.ts';

/** Zalo's limit for one event is far below this; anything larger is not from Zalo. */
export const webhookBodyLimit = 64 * 1024;

export type WebhookRouteOptions = {
  deps: Omit<WebhookDeps, 'zalo'> & { zalo: WebhookDeps['zalo'] | null };
  /** True while the process is too far behind to answer in time (see event-loop-lag.ts). */
  behind?: () => boolean;
};

/**
 * `POST /webhooks/zalo`. Registered in its own scope with a raw-bytes body parser: the signature
 * covers the exact bytes, so the body must not be parsed and re-serialised before checking it.
 */
export async function zaloWebhookRoute(app: FastifyInstance, opts: WebhookRouteOptions) {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: webhookBodyLimit }, (_req, body, done) => done(null, body));
  const behind = opts.behind;
  const refused = createCountedWarning(opts.deps.logger, 'webhook overloaded: answering 503 before reading the body so Zalo retries later', { everyMs: 10_000 });
  // Under overload a 503 costs a fraction of storing the event, and the answer comes while Zalo still waits.
  const shedWhenBehind = async (_request: unknown, reply: FastifyReply) => {
    if (!behind?.()) return;
    refused.count(1);
    return reply.code(503).send({ error: 'overloaded' });
  };

  app.post('/webhooks/zalo', { bodyLimit: webhookBodyLimit, onRequest: shedWhenBehind }, async (request, reply) => {
    const { zalo, ...rest } = opts.deps;
    if (!zalo) {
      request.log.error('webhook called but the ZALO_* settings are missing');
      return reply.code(503).send({ error: 'zalo-not-configured' });
    }
    const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const outcome = await acceptWebhookEvent({ ...rest, zalo, logger: request.log }, { rawBody, signature: request.headers['x-zevent-signature'] });
    switch (outcome.kind) {
      case 'unauthorized':
        // Never log the body of an unauthenticated request.
        request.log.warn({ reason: outcome.reason, bytes: rawBody.length }, 'webhook rejected: bad signature');
        return reply.code(401).send({ error: 'invalid-signature' });
      case 'bad-request':
        request.log.warn({ reason: outcome.reason }, 'webhook rejected');
        return reply.code(400).send({ error: 'bad-request', reason: outcome.reason });
      case 'unavailable':
        return reply.code(503).send({ error: 'unavailable' });
      case 'duplicate':
        request.log.info('webhook redelivery ignored');
        return reply.code(200).send({ ok: true });
      case 'stored':
        request.log.info({ inboundEventId: outcome.inboundEventId, status: outcome.status }, 'webhook event stored');
        return reply.code(200).send({ ok: true });
    }
  });
}
