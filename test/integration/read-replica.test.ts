import { eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { lastMonth, monthReportText } from '../../bot/chat/digest/month-report-reply.ts';
import { renderWeekDigest } from '../../bot/chat/digest/render-week-digest.ts';
import { vietnamDate } from '../../bot/domain/calendar.ts';
import { buildCommuneWeekDigest } from '../../bot/domain/digests/commune-week-digest.ts';
import { formatIsoWeek, isoWeekOf, previousWeek } from '../../bot/domain/iso-week.ts';
import { percentOf } from '../../bot/domain/digests/percent.ts';
import { createDb } from '../../db/client.ts';
import { members, outboundMessages, targets } from '../../db/schema/index.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { seedDemoActivity } from '../../scripts/lib/seed-demo-activity.ts';
import { linkTeamGroups } from '../helpers/link-team-groups.ts';
import { createTestDatabase } from '../helpers/test-services.ts';
import type { TestDatabase } from '../helpers/test-services.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { waitFor } from '../helpers/wait-for.ts';

/**
 * DATABASE_REPLICA_URL against a stand-in replica: a second database, reached through connections
 * that are read-only (`default_transaction_read_only`, as a hot standby refuses writes with the same
 * 25006). Both databases hold the same demo commune (same ids); only the "replica" holds the weeks
 * of reports. So a digest that shows reports was read from the replica, and one that shows none was
 * read from the primary; and any write that reached the replica would fail instead of landing there.
 */

let stack: TestStack;
let replica: TestDatabase;
let communeId: number;
const leadersGroup = 'group-leaders-replica';
const week = previousWeek(isoWeekOf(vietnamDate(new Date())));

function readOnly(url: string): string {
  const u = new URL(url);
  u.searchParams.set('options', '-c default_transaction_read_only=on');
  return u.toString();
}

/** Rows of the replica's database, read as its owner (not through the application's read-only pool). */
async function onReplica<T>(query: (db: ReturnType<typeof createDb>['db']) => Promise<T>): Promise<T> {
  const handle = createDb(replica.url);
  try {
    return await query(handle.db);
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  replica = await createTestDatabase(inject('databaseBaseUrl'), inject('templateDatabase'));
  await onReplica(async (db) => {
    await seedDemoCommune(db);
    await seedDemoActivity(db, { today: new Date() });
  });
  stack = await startTestStack({ env: { DATABASE_REPLICA_URL: readOnly(replica.url) } });
  ({ communeId } = await seedDemoCommune(stack.core.db));
  await linkTeamGroups(stack.core.db, [{ unit: 'Xã Demo', kind: 'commune_leaders', groupId: leadersGroup }]);
  stack.fake.state.gmfGroups.set(leadersGroup, true);
});
afterAll(async () => {
  await stack?.close();
  await replica?.drop();
});

const inLeadersGroup = () => stack.fake.state.delivered.filter((d) => d.to === `group:${leadersGroup}`);
const digestOf = async (db: TestStack['core']['db']) => buildCommuneWeekDigest(db, { communeId, week, now: new Date(), graceDays: stack.config.digestGraceDays });

describe('a read replica (DATABASE_REPLICA_URL)', () => {
  it('is where readDb reads, selects and raw SQL alike, while db reads the primary', async () => {
    expect(stack.core.readDb).not.toBe(stack.core.db);
    const readOnlySetting = sql`select current_setting('transaction_read_only') as ro`;
    expect((await stack.core.readDb.execute<{ ro: string }>(readOnlySetting)).rows[0]?.ro).toBe('on');
    expect((await stack.core.db.execute<{ ro: string }>(readOnlySetting)).rows[0]?.ro).toBe('off');
    const fromReplica = await digestOf(stack.core.readDb);
    const fromPrimary = await digestOf(stack.core.db);
    expect(fromReplica.reported).toBeGreaterThan(0);
    expect(fromPrimary.reported).toBe(0);
  });

  it('sends the Monday digest with the replica numbers and writes its outbox rows on the primary only', async () => {
    const expected = renderWeekDigest(await digestOf(stack.core.readDb));
    const before = inLeadersGroup().length;
    await stack.core.queues.byName.maintenance.add('send-weekly-digests', {}, { jobId: 'replica-digest' });
    const rows = await waitFor(
      async () => {
        const written = await stack.core.db.select().from(outboundMessages).where(like(outboundMessages.idempotencyKey, `digest-${communeId}-%`));
        return written.length > 0 && written.every((r) => r.status === 'sent') ? written : undefined;
      },
      { what: 'the digest sent to the leaders group' },
    );
    const sent = inLeadersGroup().slice(before);
    expect(sent).toHaveLength(rows.length);
    expect(sent[0]?.text).toBe(expected[0]);
    expect(sent[0]?.text).not.toBe(renderWeekDigest(await digestOf(stack.core.db))[0]);
    expect(await onReplica((db) => db.select().from(outboundMessages))).toEqual([]);
  });

  it('sends the monthly report with the replica numbers', async () => {
    const now = new Date();
    const month = lastMonth(now);
    const expected = await monthReportText(stack.core.readDb, { communeId, month, links: null, now });
    expect(expected).not.toBe(await monthReportText(stack.core.db, { communeId, month, links: null, now }));
    const before = inLeadersGroup().length;
    await stack.core.queues.byName.maintenance.add('send-monthly-reports', {}, { jobId: 'replica-month' });
    const sent = await waitFor(() => inLeadersGroup().slice(before).find((d) => d.text?.includes('📑')), { what: 'the monthly report' });
    expect(sent.text).toBe(expected);
    expect(await onReplica((db) => db.select().from(outboundMessages))).toEqual([]);
  });

  it('serves the Mini App dashboard from the replica', async () => {
    const [leader] = await stack.core.db.select().from(members).where(eq(members.displayName, 'Chủ tịch UBND xã Demo'));
    const token = stack.core.appSessions.issue(leader?.id ?? -1, new Date(Date.now() + 3_600_000));
    const res = await fetch(`${stack.baseUrl}/api/dashboard?week=${formatIsoWeek(week)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { reportingRate: number; trend: { totals: Record<string, number> }[] };
    const digest = await digestOf(stack.core.readDb);
    expect(body.reportingRate).toBeGreaterThan(0);
    expect(body.reportingRate).toBe(percentOf(digest.reported, digest.villages.length));
    // The eight weeks' trend too: only the replica has reports.
    expect(body.trend.filter((w) => Object.keys(w.totals).length > 0).length).toBeGreaterThan(1);
  });

  it('never writes to the replica: writes made through readDb go to the primary, and the replica refuses any', async () => {
    const row = { unitId: communeId, metric: 'replica-write-check', period: '2020-01' };
    await stack.core.readDb.insert(targets).values({ ...row, target: 1 });
    await stack.core.readDb.transaction(async (tx) => {
      await tx.update(targets).set({ target: 2 }).where(eq(targets.metric, row.metric));
    });
    expect(await stack.core.db.select().from(targets).where(eq(targets.metric, row.metric))).toMatchObject([{ target: 2 }]);
    expect(await onReplica((db) => db.select().from(targets).where(eq(targets.metric, row.metric)))).toEqual([]);
    // What readDb sends to the replica (raw SQL) cannot write: the connection is read-only.
    await expect(stack.core.readDb.execute(sql`insert into targets (unit_id, metric, period, target) values (${communeId}, 'through-execute', '2020-01', 1)`)).rejects.toMatchObject({
      cause: { code: '25006' },
    });
  });
});

describe('without a replica', () => {
  it('readDb is the primary itself', async () => {
    const handle = createDb(replica.url);
    try {
      expect(handle.readDb).toBe(handle.db);
      expect(handle.replicaPool).toBeNull();
    } finally {
      await handle.close();
    }
  });
});
