import type { Job } from 'bullmq';
import type { Logger } from '../logger.ts';

/**
 * What the deliver step needs of the queue job running it: to move itself to the delayed set (a
 * row waits, or its OA's send slots are later) with BullMQ's lock token, and a logger. A worker's
 * processor context is one.
 */
export type SendJob = { job: Job; token: string | undefined; log: Logger };

/** Throttling answers shorter than this pause sending; longer waits delay just this job. */
export const queuePauseLimitMs = 5_000;
