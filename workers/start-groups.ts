import { connectRedis } from '../bot/jobs/redis-connection.ts';
import { createTransports } from '../bot/deps.ts';
import type { CoreDeps, ZaloDeps } from '../bot/deps.ts';
import { acceptZcaMessage } from '../bot/pipeline/accept-zca-message.ts';
import type { ZcaApi } from '../bot/zalo/zca/zca-api.ts';
import { createWeekChartPictures } from '../bot/chat/digest/week-chart-pictures.ts';
import { createZcaGroupSender } from '../bot/zalo/zca/zca-group-sender.ts';
import { runZcaListener } from '../bot/zalo/zca/zca-listener.ts';
import { markZcaSessionClosed } from '../bot/zalo/zca/zca-session.ts';
import { createQueueWorker } from './create-queue-worker.ts';
import { sendOutboundOptions, sendZcaOutboundProcessor } from './processors/send-outbound.ts';

export type RunningGroups = {
  /** Settles when Zalo closed the account's session because it was opened elsewhere. */
  openedElsewhere: Promise<{ code: number; reason: string }>;
  close: () => Promise<void>;
};

/**
 * The groups process: listens to the teams' ordinary Zalo groups through the personal account and
 * sends the messages for those groups, throttled to one every ZCA_SEND_INTERVAL_MS across all of
 * them: a BullMQ rate limit paces the jobs (it holds across a restart) and the sender spaces the
 * calls themselves.
 */
export async function startGroups(core: CoreDeps, zalo: ZaloDeps | null, zca: { api: ZcaApi; ownUid: string }): Promise<RunningGroups> {
  const { config, logger } = core;
  let signalOpenedElsewhere: (v: { code: number; reason: string }) => void = () => {};
  const openedElsewhere = new Promise<{ code: number; reason: string }>((resolve) => (signalOpenedElsewhere = resolve));

  const listener = runZcaListener({
    api: zca.api,
    logger: logger.child({ component: 'zca-listener' }),
    store: async (message) => {
      await acceptZcaMessage({ db: core.db, clock: core.clock, logger, ownUid: zca.ownUid, enqueueInbound: core.queues.enqueueInbound }, message);
    },
    onOpenedElsewhere: (code, reason) => {
      void markZcaSessionClosed(core.db, { status: 'closed_elsewhere', error: `close code ${code}: ${reason}`, now: core.clock.now() })
        .catch((err: unknown) => logger.error({ err }, 'could not record the closed session'))
        .finally(() => signalOpenedElsewhere({ code, reason }));
    },
    reconnect: { minMs: 1000, maxMs: config.zcaReconnectMaxMs },
  });

  const connection = connectRedis(config, { maxRetriesPerRequest: null });
  connection.on('error', () => {});
  const transports = createTransports(core, zalo, createZcaGroupSender(zca.api, zca.ownUid, { minGapMs: config.zcaSendIntervalMs, pictures: createWeekChartPictures(core) }));
  const worker = createQueueWorker(core, connection, 'zca-outbound', [sendZcaOutboundProcessor(core, transports, sendOutboundOptions(config))], {
    concurrency: 1,
    limiter: { max: 1, duration: config.zcaSendIntervalMs },
  });

  return {
    openedElsewhere,
    async close() {
      listener.stop();
      await worker.close();
      connection.disconnect();
    },
  };
}
