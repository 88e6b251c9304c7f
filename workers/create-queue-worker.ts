import { Worker } from 'bullmq';
import type { Processor } from 'bullmq';
import type { RedisClient } from '../bot/jobs/redis-connection.ts';
import type { CoreDeps } from '../bot/deps.ts';
import type { QueueName } from '../bot/jobs/job-contracts.ts';
import type { Processor as JobProcessor } from './define-processor.ts';
import { routeJobs } from './define-processor.ts';
import { describeError } from '../bot/logger.ts';

/** A BullMQ worker for one queue with our processors, lock settings and error logging. */
export function createQueueWorker(
  deps: CoreDeps,
  connection: RedisClient,
  queue: QueueName,
  processors: JobProcessor[],
  extra: { concurrency: number; limiter?: { max: number; duration: number } },
): Worker {
  const { config, logger } = deps;
  const processor: Processor = routeJobs(processors, logger);
  const worker = new Worker(queue, processor, {
    connection,
    prefix: config.queuePrefix,
    lockDuration: config.jobLockMs,
    stalledInterval: config.jobLockMs,
    ...extra,
  });
  worker.on('error', (err) => logger.warn({ err, queue }, 'worker connection problem'));
  worker.on('failed', (job, err) => {
    if (err.name !== 'DelayedError') logger.warn({ queue, jobId: job?.id, err: describeError(err) }, 'job attempt failed');
  });
  return worker;
}
