import { sql } from 'drizzle-orm';
import { ConfigError, loadConfig } from './config.ts';
import { createApiDeps, createCoreDeps, createInboundStore, createOaDirectoryFor } from './deps.ts';
import { buildApp } from './http/app.ts';
import { logServedOas } from './oas/log-served-oas.ts';

/**
 * Deliveries handled at once before the next get 503. One bot answers about 1,500 a second on two
 * shared cores, so 256 in flight means about 170 ms to answer at capacity: far inside Zalo's ~2 s,
 * and far above normal traffic (at 1,000 a second, about 20 are in flight).
 */
const webhookMaxInFlight = 256;

/** The HTTP process: webhook, health and (later) the Mini App API. */
async function main() {
  const config = loadConfig();
  const core = createCoreDeps(config, { name: 'bot' });
  const oas = createOaDirectoryFor(core);
  const app = buildApp({
    logger: core.logger,
    db: core.db,
    clock: core.clock,
    oas,
    webhook: config.webhook,
    // Stored is answered; the workers' relay hands the event to the queue, off this process's event loop.
    storeInbound: createInboundStore(core),
    webhookMaxInFlight,
    links: core.links,
    api: createApiDeps(core),
    homeUrl: config.homeUrl,
    readiness: {
      postgres: async () => void (await core.db.execute(sql`select 1`)),
      redis: () => core.queues.ping(),
    },
  });
  await logServedOas(oas, core.logger, 'events are stored as ignored');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    core.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    await core.close();
    clearTimeout(force);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  const address = await app.listen({ port: config.port, host: config.host });
  core.logger.info({ address, webhook: `${address}/webhooks/zalo`, readyz: `${address}/readyz` }, 'bot listening');
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
