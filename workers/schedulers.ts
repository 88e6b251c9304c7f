import type { CoreDeps } from '../bot/deps.ts';

/** Follow-ups are due "about 24 h" after a step: a few minutes' granularity is plenty. */
const followUpSweepMs = 5 * 60_000;

/**
 * System timers as BullMQ job schedulers (idempotent upserts, safe on every boot and reconnect).
 * Per-person timers live in Postgres rows; these only trigger the work.
 */
export async function upsertSchedulers(deps: CoreDeps, options: { zalo: boolean }): Promise<void> {
  await deps.queues.byName.maintenance.upsertJobScheduler('sweep-follow-ups', { every: followUpSweepMs }, { name: 'sweep-follow-ups', data: {} });
  // A cron pattern in Vietnam time; the digest itself is keyed by commune and week, so a repeat sends nothing.
  await deps.queues.byName.maintenance.upsertJobScheduler(
    'weekly-digest',
    { pattern: deps.config.digestCron, tz: 'Asia/Ho_Chi_Minh' },
    { name: 'send-weekly-digests', data: {} },
  );
  await deps.queues.byName.maintenance.upsertJobScheduler(
    'monthly-report',
    { pattern: '0 0 8 1 * *', tz: 'Asia/Ho_Chi_Minh' },
    { name: 'send-monthly-reports', data: {} },
  );
  if (options.zalo) {
    await deps.queues.byName.maintenance.upsertJobScheduler(
      'refresh-oa-token',
      { every: 15 * 60_000 },
      { name: 'refresh-oa-token', data: {}, opts: { attempts: 3, backoff: { type: 'exponential', delay: 30_000 } } },
    );
  }
}
