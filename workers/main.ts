import { ConfigError, loadConfig } from '../bot/config.ts';
import { createCoreDeps, createZaloDeps, startInboundRelayFor } from '../bot/deps.ts';
import { startWorkers } from './start-workers.ts';

/** The worker process: BullMQ processors, schedulers, the inbound relay and the sweeper. */
async function main() {
  const config = loadConfig();
  const core = createCoreDeps(config, { name: 'workers' });
  const running = await startWorkers(core, createZaloDeps(core));
  // Hands what the bot stored to the queue: the bot only stores, so its event loop stays on the webhook.
  const relay = startInboundRelayFor(core);
  core.logger.info({ queues: running.workers.map((w) => w.name), prefix: config.queuePrefix }, 'workers started');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    core.logger.info({ signal }, 'stopping workers: finishing active jobs');
    // Ordered: stop taking work, let active jobs finish, then close connections.
    const force = setTimeout(() => process.exit(1), 25_000).unref();
    await running.close();
    await relay.stop();
    await core.close();
    clearTimeout(force);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
