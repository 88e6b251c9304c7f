import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { createDb } from '../../db/client.ts';
import { countInboundAwaitingHandOver, listInboundKeys } from '../../db/queries/inbound-events.ts';
import { jobIds } from '../../bot/jobs/job-contracts.ts';
import { waitUntil } from './bench-stats.ts';

export type Tally = {
  acked: number;
  rows: number;
  rows_received: number;
  /** Inbound jobs the drain took off the queue. */
  jobs: number;
  /** Answered 200 but not in inbound_events. */
  lost: number;
  /** A msg_id stored twice, or an event given more than one job. */
  duplicates: number;
  /** Stored and waiting to be handled, yet never given a job once the hand-over settled. */
  rows_without_job: number;
  /** From the end of the load until every stored event had been handed over and its job taken. */
  handover_settle_ms: number;
};

/**
 * After the load: takes the inbound jobs off the queue as workers would (doing nothing with them,
 * counting each job id given), until every stored event has been handed over and taken, then checks
 * each delivery answered 200 against Postgres and the jobs. Nothing takes jobs during the load, so
 * the relay stops handing over once the queue holds its limit (INBOUND_QUEUE_MAX_BACKLOG) and the
 * rest waits in Postgres, as in a burst the workers cannot keep up with; the drain lets it finish.
 */
export async function countStoredAndQueued(params: { databaseUrl: string; redisUrl: string; prefix: string; acked: Set<string> }): Promise<Tally> {
  const { db, close } = createDb(params.databaseUrl);
  const connection = new Redis(params.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('inbound', { connection, prefix: params.prefix });
  const taken = new Map<string, number>();
  const drain = new Worker('inbound', async (job) => void taken.set(job.id ?? '', (taken.get(job.id ?? '') ?? 0) + 1), { connection, prefix: params.prefix, concurrency: 50 });
  try {
    const settleStart = Date.now();
    const unsettled = async () => (await countInboundAwaitingHandOver(db)) + (await queue.getJobCountByTypes('wait', 'prioritized', 'delayed', 'active'));
    await waitUntil(async () => (await unsettled()) === 0, 120_000, 'every stored event handed to the queue and its job taken');
    const settleMs = Date.now() - settleStart;
    const rows = await listInboundKeys(db);
    const keys = new Set(rows.map((r) => r.dedupeKey));
    const received = rows.filter((r) => r.status === 'received');
    const extraJobs = [...taken.values()].reduce((sum, n) => sum + n - 1, 0);
    return {
      acked: params.acked.size,
      rows: rows.length,
      rows_received: received.length,
      jobs: [...taken.values()].reduce((sum, n) => sum + n, 0),
      lost: [...params.acked].filter((k) => !keys.has(k)).length,
      duplicates: rows.length - keys.size + extraJobs,
      rows_without_job: received.filter((r) => !taken.has(jobIds['handle-inbound']({ inboundEventId: r.id }))).length,
      handover_settle_ms: settleMs,
    };
  } finally {
    await drain.close();
    await queue.close();
    connection.disconnect();
    await close();
  }
}
