import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { jobPayloads } from '../bot/jobs/job-contracts.ts';
import type { JobName, JobPayload } from '../bot/jobs/job-contracts.ts';
import type { Logger } from '../bot/logger.ts';

export type ProcessorContext = {
  job: Job;
  /** BullMQ's lock token, needed to move the job to delayed from inside the processor. */
  token: string | undefined;
  log: Logger;
  /** True when this attempt is the last one BullMQ will make. */
  isFinalAttempt: boolean;
};

export type Processor<N extends JobName = JobName> = {
  name: N;
  run: (payload: JobPayload<N>, ctx: ProcessorContext) => Promise<unknown>;
};

export function defineProcessor<N extends JobName>(name: N, run: Processor<N>['run']): Processor<N> {
  return { name, run };
}

/**
 * One BullMQ processor function for a queue: picks the processor by job name, validates the
 * payload (a bad payload can never succeed, so it fails without retries) and gives the run a child
 * logger carrying the job's identity.
 */
export function routeJobs(processors: Processor[], logger: Logger) {
  const byName = new Map<string, Processor>(processors.map((p) => [p.name, p]));
  return async (job: Job, token?: string) => {
    const processor = byName.get(job.name);
    if (!processor) throw new UnrecoverableError(`no processor for job "${job.name}"`);
    const payload = jobPayloads[processor.name].safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError(`bad payload for ${job.name}: ${z.prettifyError(payload.error)}`);
    const log = logger.child({ queue: job.queueName, job: job.name, jobId: job.id, attempt: job.attemptsMade + 1 });
    const isFinalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return processor.run(payload.data, { job, token, log, isFinalAttempt });
  };
}
