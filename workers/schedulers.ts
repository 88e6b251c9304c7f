import type { CoreDeps } from '../bot/deps.ts';

/** Follow-ups are due "about 24 h" after a step: a few minutes' granularity is plenty. */
const followUpSweepMs = 5 * 60_000;

/**
 * System timers as BullMQ job schedulers (idempotent upserts, safe on every boot and reconnect).
 * Per-person timers live in Postgres rows; these only trigger the work.
 */
export async function upsertSchedulers(deps: CoreDeps, options: { zalo: boolean }): Promise<void> {
  // One process at a time: concurrent upserts of the same scheduler are where BullMQ duplicates jobs.
  const ran = await deps.queues.whileHolding('schedulers', 30_000, () => upsertAll(deps, options));
  if (!ran) deps.logger.info('another worker process is registering the job schedulers');
}

async function upsertAll(deps: CoreDeps, options: { zalo: boolean }): Promise<void> {
  await deps.queues.byName.maintenance.upsertJobScheduler('sweep-follow-ups', { every: followUpSweepMs }, { name: 'sweep-follow-ups', data: {} });
  if (options.zalo) {
    await deps.queues.byName.maintenance.upsertJobScheduler(
      'refresh-oa-token',
      { every: 15 * 60_000 },
      { name: 'refresh-oa-token', data: {}, opts: { attempts: 3, backoff: { type: 'exponential', delay: 30_000 } } },
    );
  }
  if (deps.config.scheduledSends) await upsertLeaderSchedules(deps);
  else await Promise.all(leaderSchedules.map((key) => deps.queues.byName.maintenance.removeJobScheduler(key)));
}

const leaderSchedules = ['weekly-digest', 'reminders', 'monthly-report'];

/** Reminders, the weekly digest and the monthly report, in Vietnam time; each is keyed in Postgres, so a repeat sends nothing. */
async function upsertLeaderSchedules(deps: CoreDeps): Promise<void> {
  await deps.queues.byName.maintenance.upsertJobScheduler(
    'weekly-digest',
    { pattern: deps.config.digestCron, tz: 'Asia/Ho_Chi_Minh' },
    { name: 'send-weekly-digests', data: {} },
  );
  await deps.queues.byName.maintenance.upsertJobScheduler(
    'reminders',
    { pattern: '0 */5 * * * *', tz: 'Asia/Ho_Chi_Minh' },
    { name: 'sweep-reminders', data: {} },
  );
  await deps.queues.byName.maintenance.upsertJobScheduler(
    'monthly-report',
    { pattern: '0 0 8 1 * *', tz: 'Asia/Ho_Chi_Minh' },
    { name: 'send-monthly-reports', data: {} },
  );
}
