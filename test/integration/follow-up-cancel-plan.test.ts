import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb } from '../../db/client.ts';
import type { DbHandle } from '../../db/client.ts';
import { endGuideRuns, replaceActiveGuideRun } from '../../db/queries/guide-runs.ts';
import { createTestDatabase } from '../helpers/test-services.ts';
import type { TestDatabase } from '../helpers/test-services.ts';

let database: TestDatabase;
let handle: DbHandle;

beforeAll(async () => {
  database = await createTestDatabase(inject('databaseBaseUrl'), inject('templateDatabase'));
  handle = createDb(database.url);
  // A commune a while after launch: thousands of residents each waiting for a guide's follow-up.
  await handle.db.execute(sql`
    with r as (
      insert into residents (oa_id, zalo_user_id, last_interaction_at)
      select 'oa-plan', 'plan-' || g, now() from generate_series(1, 5000) g returning id
    ), runs as (
      insert into guide_runs (resident_id, oa_id, guide_id, guide_version, step, started_at, updated_at)
      select id, 'oa-plan', 'vneid-install', 1, 0, now(), now() from r returning id, resident_id
    )
    insert into follow_ups (resident_id, guide_run_id, due_at, created_at)
    select resident_id, id, now() + interval '1 day', now() from runs`);
  await handle.db.execute(sql`analyze follow_ups`);
});
afterAll(async () => {
  await handle?.close();
  await database?.drop();
});

/** The plan Postgres picks for cancelling one resident's pending follow-up, as guide starts and ends do. */
async function cancelPlan(): Promise<string> {
  const result = await handle.db.execute<{ 'QUERY PLAN': unknown }>(
    sql`explain (format json) update follow_ups set status = 'cancelled' where resident_id = 42 and status = 'pending'`,
  );
  return JSON.stringify(result.rows[0]?.['QUERY PLAN']);
}

describe("cancelling a resident's pending follow-up", () => {
  it("reads that resident's rows through their index, not every pending follow-up of the commune", async () => {
    const plan = await cancelPlan();
    expect(plan).toContain('follow_ups_resident_pending_idx');
    expect(plan).not.toContain('follow_ups_due_idx');
    expect(plan).not.toContain('Seq Scan');
  });

  it('still cancels exactly the one follow-up when a guide is replaced or ended', async () => {
    const [resident] = (await handle.db.execute<{ id: number }>(sql`select resident_id as id from follow_ups order by id limit 1`)).rows;
    const residentId = Number(resident?.id);
    const now = new Date();
    await replaceActiveGuideRun(handle.db, { residentId, guideId: 'vssid-install', guideVersion: 1, step: 0, now, followUpDueAt: new Date(now.getTime() + 86_400_000), reason: 'new-guide' });
    await endGuideRuns(handle.db, { residentId, runId: null, status: 'stopped', reason: 'stop', now });
    const counts = await handle.db.execute<{ status: string; n: number }>(sql`
      select status, count(*)::int as n from follow_ups group by status order by status`);
    expect(counts.rows).toEqual([
      { status: 'pending', n: 4999 },
      { status: 'cancelled', n: 2 },
    ]);
  });
});
