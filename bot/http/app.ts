import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../clock.ts';
import type { WebhookOptions } from '../pipeline/accept-webhook-event.ts';
import type { WebhookOaLookup } from '../zalo/identify-event-oa.ts';
import type { Logger } from '../logger.ts';
import type { StoreInboundEvent } from '../pipeline/inbound-event-batcher.ts';
import { httpErrorHandler } from './error-handler.ts';
import { healthRoutes } from './routes/health.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { staticFileRoutes } from './routes/static-files.ts';
import { downloadRoutes } from './routes/downloads.ts';
import type { LinkSigner } from '../crypto/signed-links.ts';
import type { ReadinessCheck } from './routes/health.ts';
import { zaloWebhookRoute } from './routes/zalo-webhook.ts';
import { apiPlugin } from './api/api-plugin.ts';
import type { ApiDeps } from './api/api-deps.ts';
import { miniappFileRoutes } from './routes/miniapp-files.ts';
import { homeRoute } from './routes/home.ts';

export type AppDeps = {
  logger: FastifyBaseLogger & Logger;
  db: Db;
  clock: Clock;
  /** The OAs the webhook serves (bot/oas/oa-directory.ts). */
  oas: WebhookOaLookup;
  webhook: WebhookOptions;
  /** Where the webhook stores events (see bot/pipeline/inbound-event-batcher.ts). */
  storeInbound: StoreInboundEvent;
  /** When given, deliveries beyond this many in flight get 503 at once (see in-flight-limit.ts). */
  webhookMaxInFlight?: number;
  readiness: Record<string, ReadinessCheck>;
  links: LinkSigner;
  /** The Mini App's API and files; absent in processes that serve only the webhook. */
  api?: ApiDeps;
  /** Where `GET /` redirects (local mode: the simulator); absent: a short status page. */
  homeUrl?: string | null;
};

/** Builds the HTTP app without listening, so tests can run it on any port. */
export function buildApp(deps: AppDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger,
    // Each request gets a child logger carrying this id.
    genReqId: () => randomUUID(),
  });
  app.setErrorHandler(httpErrorHandler);
  app.register(homeRoute, { homeUrl: deps.homeUrl ?? null });
  app.register(healthRoutes, { checks: deps.readiness });
  app.register(metricsRoutes, { db: deps.db });
  app.register(staticFileRoutes);
  app.register(downloadRoutes, { db: deps.db, clock: deps.clock, links: deps.links });
  if (deps.api) {
    app.register(apiPlugin, deps.api);
    app.register(miniappFileRoutes, { dir: deps.api.config.dir });
  }
  app.register(zaloWebhookRoute, {
    deps: { storeInbound: deps.storeInbound, clock: deps.clock, oas: deps.oas, options: deps.webhook, logger: deps.logger },
    ...(deps.webhookMaxInFlight ? { maxInFlight: deps.webhookMaxInFlight } : {}),
  });
  return app;
}
