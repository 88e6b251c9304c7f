import type { Worker } from 'bullmq';
import { connectRedis } from '../bot/jobs/redis-connection.ts';
import { sharedIntentClassifier } from '../bot/chat/nlu/classify-intent.ts';
import { createTransports } from '../bot/deps.ts';
import type { CoreDeps, ZaloDeps } from '../bot/deps.ts';
import type { QueueName } from '../bot/jobs/job-contracts.ts';
import type { Processor as JobProcessor } from './define-processor.ts';
import { createQueueWorker } from './create-queue-worker.ts';
import { handleInboundProcessor } from './processors/handle-inbound.ts';
import { refreshOaTokenProcessor } from './processors/refresh-oa-token.ts';
import { deliveryDeps, sendOutboundOptions, sendOutboundProcessor } from './processors/send-outbound.ts';
import { createTurnSender } from '../bot/pipeline/send-turn-now.ts';
import { sweepFollowUpsProcessor } from './processors/sweep-follow-ups.ts';
import { sendWeeklyDigestsProcessor } from './processors/send-weekly-digests.ts';
import { sendMonthlyReportsProcessor } from './processors/send-monthly-reports.ts';
import { sweepRemindersProcessor } from './processors/sweep-reminders.ts';
import { upsertSchedulers } from './schedulers.ts';
import { startSweeper } from './sweeper.ts';
import { createSendSlots } from '../bot/pipeline/send-slots.ts';
import { routeOptions } from '../bot/pipeline/send-routes.ts';
import { logServedOas } from '../bot/oas/log-served-oas.ts';

/** Inbound jobs handled at once by one worker process (its Postgres pool has 10 connections). */
const inboundConcurrency = 32;

export type RunningWorkers = { workers: Worker[]; sweepNow: () => Promise<void>; close: () => Promise<void> };

/**
 * Starts one BullMQ worker per queue, the job schedulers and the sweeper. With no OA configured
 * inbound events are still handled (replies wait in the outbox) but nothing is sent.
 */
export async function startWorkers(deps: CoreDeps, zalo: ZaloDeps): Promise<RunningWorkers> {
  const { config, logger } = deps;
  // The classifier trains from its corpus once per process (~1 s): here, not on a resident's first message.
  const trainStart = Date.now();
  sharedIntentClassifier();
  logger.info({ ms: Date.now() - trainStart }, 'intent classifier trained');
  // Workers block on Redis and must retry forever; their connection is separate from the producers'.
  const connection = connectRedis(config, { maxRetriesPerRequest: null });
  connection.on('error', () => {});

  const pacing = { db: deps.db, slots: createSendSlots(connection, { keyPrefix: config.queuePrefix }), directory: zalo.directory, routes: routeOptions(config) };
  const start = (queue: QueueName, processors: JobProcessor[], extra: { concurrency: number; limiter?: { max: number; duration: number } }) =>
    createQueueWorker(deps, connection, queue, processors, extra);

  const maintenance: JobProcessor[] = [sweepFollowUpsProcessor(deps), sendWeeklyDigestsProcessor(deps), sendMonthlyReportsProcessor(deps), sweepRemindersProcessor(deps), refreshOaTokenProcessor(zalo)];
  const transports = createTransports(deps, zalo);
  const sending = sendOutboundOptions(config);
  const sendTurnNow = createTurnSender(deps, (log) => deliveryDeps(deps, transports, sending, log), pacing);
  const workers = [
    // A resident's replies are sent from the job that wrote them (send-turn-now.ts), so a job also
    // waits on Zalo's answers: more of them at once than the sender's, whose jobs do only that.
    start('inbound', [handleInboundProcessor(deps, sendTurnNow)], { concurrency: inboundConcurrency }),
    start('maintenance', maintenance, { concurrency: 1 }),
    // Always running: without OA credentials it still hands group messages to the groups process.
    // One job is one turn's messages; each OA's send slots, not a BullMQ limiter (which counts jobs
    // and knows no OA), keep each OA within its own quota.
    start('outbound', [sendOutboundProcessor(deps, transports, sending, pacing)], { concurrency: 8 }),
  ];
  await logServedOas(zalo.directory, logger, 'messages to residents wait in the outbox');
  await upsertSchedulers(deps, { zalo: true }).catch((err: unknown) =>
    logger.warn({ err }, 'could not register job schedulers now; retrying when Redis is back'),
  );
  connection.on('ready', () => void upsertSchedulers(deps, { zalo: true }).catch(() => undefined));
  const sweeper = startSweeper(deps, { intervalMs: config.sweepIntervalMs, onMemoryLost: () => upsertSchedulers(deps, { zalo: true }) });

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
