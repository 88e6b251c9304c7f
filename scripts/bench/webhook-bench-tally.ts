import { Redis } from 'ioredis';
import { createDb } from '../../db/client.ts';
import { countInboundAwaitingHandOver, listInboundKeys } from '../../db/queries/inbound-events.ts';
import { jobIds } from '../../bot/jobs/job-contracts.ts';
import { waitUntil } from './bench-stats.ts';

export type Tally = {
  acked: number;
  rows: number;
  rows_received: number;
  jobs: number;
  /** Answered 200 but not in inbound_events. */
  lost: number;
  /** A msg_id stored twice, or an event with more than one job. */
  duplicates: number;
  /** Stored and waiting to be handled, yet without a job once the hand-over settled. */
  rows_without_job: number;
  handover_settle_ms: number;
};

/**
 * After the load: waits until every stored event has been handed to the queue, then checks each
 * delivery answered 200 against Postgres and Redis. No workers run, so every job is still waiting.
 */
export async function countStoredAndQueued(params: { databaseUrl: string; redisUrl: string; prefix: string; acked: Set<string> }): Promise<Tally> {
  const { db, close } = createDb(params.databaseUrl);
  const redis = new Redis(params.redisUrl, { maxRetriesPerRequest: 1 });
  try {
    const settleStart = Date.now();
    await waitUntil(async () => (await countInboundAwaitingHandOver(db)) === 0, 120_000, 'every stored event to be handed to the queue');
    const settleMs = Date.now() - settleStart;
    const rows = await listInboundKeys(db);
    const queued = await redis.lrange(`${params.prefix}:inbound:wait`, 0, -1);
    const jobCounts = new Map<string, number>();
    for (const id of queued) jobCounts.set(id, (jobCounts.get(id) ?? 0) + 1);
    const keys = new Set(rows.map((r) => r.dedupeKey));
    const received = rows.filter((r) => r.status === 'received');
    const extraJobs = [...jobCounts.values()].reduce((sum, n) => sum + n - 1, 0);
    return {
      acked: params.acked.size,
      rows: rows.length,
      rows_received: received.length,
      jobs: queued.length,
      lost: [...params.acked].filter((k) => !keys.has(k)).length,
      duplicates: rows.length - keys.size + extraJobs,
      rows_without_job: received.filter((r) => !jobCounts.has(jobIds['handle-inbound']({ inboundEventId: r.id }))).length,
      handover_settle_ms: settleMs,
    };
  } finally {
    redis.disconnect();
    await close();
  }
}
