import type { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { sharedIntentClassifier } from '../bot/chat/nlu/classify-intent.ts';
import { createTransports } from '../bot/deps.ts';
import type { CoreDeps, ZaloDeps } from '../bot/deps.ts';
import type { QueueName } from '../bot/jobs/job-contracts.ts';
import type { Processor as JobProcessor } from './define-processor.ts';
import { createQueueWorker } from './create-queue-worker.ts';
import { handleInboundProcessor } from './processors/handle-inbound.ts';
import { refreshOaTokenProcessor } from './processors/refresh-oa-token.ts';
import { sendOutboundOptions, sendOutboundProcessor } from './processors/send-outbound.ts';
import { sweepFollowUpsProcessor } from './processors/sweep-follow-ups.ts';
import { sendWeeklyDigestsProcessor } from './processors/send-weekly-digests.ts';
import { sendMonthlyReportsProcessor } from './processors/send-monthly-reports.ts';
import { sweepRemindersProcessor } from './processors/sweep-reminders.ts';
import { upsertSchedulers } from './schedulers.ts';
import { startSweeper } from './sweeper.ts';
import { createSendRateGate } from './send-rate-gate.ts';

export type RunningWorkers = { workers: Worker[]; sweepNow: () => Promise<void>; close: () => Promise<void> };

/**
 * Starts one BullMQ worker per queue, the job schedulers and the sweeper. Without Zalo credentials
 * inbound events are still handled (replies wait in the outbox) but nothing is sent.
 */
export async function startWorkers(deps: CoreDeps, zalo: ZaloDeps | null): Promise<RunningWorkers> {
  const { config, logger } = deps;
  // The classifier trains from its corpus once per process (~1 s): here, not on a resident's first message.
  const trainStart = Date.now();
  sharedIntentClassifier();
  logger.info({ ms: Date.now() - trainStart }, 'intent classifier trained');
  // Workers block on Redis and must retry forever; their connection is separate from the producers'.
  const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', () => {});

  const gate = createSendRateGate(connection, { key: `${config.queuePrefix}:outbound:send-budget`, perSecond: config.outboundRatePerSec });
  const start = (queue: QueueName, processors: JobProcessor[], extra: { concurrency: number; limiter?: { max: number; duration: number } }) =>
    createQueueWorker(deps, connection, queue, processors, extra);

  const maintenance: JobProcessor[] = [sweepFollowUpsProcessor(deps), sendWeeklyDigestsProcessor(deps), sendMonthlyReportsProcessor(deps), sweepRemindersProcessor(deps), ...(zalo ? [refreshOaTokenProcessor(zalo)] : [])];
  const workers = [
    start('inbound', [handleInboundProcessor(deps)], { concurrency: 8 }),
    start('maintenance', maintenance, { concurrency: 1 }),
    // Always running: without OA credentials it still hands group messages to the groups process.
    // One job is one turn's messages; the gate, not a BullMQ limiter (which counts jobs), keeps Zalo's quota.
    start('outbound', [sendOutboundProcessor(deps, createTransports(deps, zalo), sendOutboundOptions(config), gate)], { concurrency: 8 }),
  ];
  if (!zalo) logger.warn('ZALO_* settings are missing: messages to residents wait in the outbox');
  await upsertSchedulers(deps, { zalo: zalo !== null }).catch((err: unknown) =>
    logger.warn({ err }, 'could not register job schedulers now; retrying when Redis is back'),
  );
  connection.on('ready', () => void upsertSchedulers(deps, { zalo: zalo !== null }).catch(() => undefined));
  const sweeper = startSweeper(deps, { intervalMs: config.sweepIntervalMs, onMemoryLost: () => upsertSchedulers(deps, { zalo: zalo !== null }) });

  return {
    workers,
    sweepNow: sweeper.sweepNow,
    async close() {
      await sweeper.stop();
      await Promise.all(workers.map((w) => w.close()));
      connection.disconnect();
    },
  };
}
