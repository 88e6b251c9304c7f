import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalationMessage, teamReminderMessage } from '../../bot/chat/digest/reminder-messages.ts';
import { renderWeekDigest } from '../../bot/chat/digest/render-week-digest.ts';
import { buildCommuneWeekDigest } from '../../bot/domain/digests/commune-week-digest.ts';
import { sweepReminders } from '../../bot/domain/reminders/team-reminders.ts';
import { insertInboundEvent } from '../../db/queries/inbound-events.ts';
import { insertReport } from '../../db/queries/reports.ts';
import { insertHelpRequest } from '../../db/queries/help-requests.ts';
import { members, outboundMessages, reminders, teams, orgUnits } from '../../db/schema/index.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { z } from 'zod';
import { linkTeamGroups } from '../helpers/link-team-groups.ts';
import { startNodeProcess } from '../helpers/node-process.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import { deleteRedisPrefix } from '../helpers/test-services.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { startWorkers } from '../../workers/start-workers.ts';
import type { TestStack } from '../helpers/test-stack.ts';

let stack: TestStack;
let communeId: number;
const teamIds: Record<string, number> = {};
const quiet = { startHour: 21, endHour: 7 };
/** An instant given as Vietnam local time. */
const vn = (local: string) => new Date(`${local}+07:00`);
const sweep = (now: Date) => sweepReminders(stack.core.db, { now, quiet, monthlyDay: 25, text: teamReminderMessage, escalation: escalationMessage });

beforeAll(async () => {
  stack = await startTestStack({ workers: false });
  ({ communeId } = await seedDemoCommune(stack.core.db));
  await linkTeamGroups(stack.core.db, [
    { unit: 'Thôn Đông', kind: 'village', groupId: 'g-dong' },
    { unit: 'Thôn Tây', kind: 'village', groupId: 'g-tay' },
    { unit: 'Tổ dân phố 1', kind: 'village', groupId: 'g-tdp1' },
  ]);
  for (const name of ['Thôn Đông', 'Thôn Tây', 'Thôn Bắc', 'Tổ dân phố 1']) {
    const [row] = await stack.core.db.select({ id: teams.id }).from(teams).innerJoin(orgUnits, eq(orgUnits.id, teams.unitId)).where(and(eq(orgUnits.name, name), eq(teams.kind, 'village')));
    teamIds[name] = row?.id ?? 0;
  }
  // Thôn Đông's leader is known by Zalo id, so the reminder mentions them.
  await stack.core.db.update(members).set({ zaloUserId: '5200000000000000001', zaloIdSource: 'oa' }).where(and(eq(members.teamId, teamIds['Thôn Đông'] ?? 0), eq(members.role, 'team_leader')));
});
afterAll(async () => {
  await stack?.close();
});

async function report(team: string, date: string) {
  const eventId = await insertInboundEvent(stack.core.db, { source: 'oa_webhook', eventName: 'test_report', dedupeKey: `test:${team}:${date}`, payload: '{}', status: 'processed', receivedAt: new Date() });
  const [member] = await stack.core.db.select().from(members).where(eq(members.teamId, teamIds[team] ?? 0)).limit(1);
  if (!eventId || !member) throw new Error('setup');
  await insertReport(stack.core.db, { teamId: member.teamId, memberId: member.id, reportDate: date, inboundEventId: eventId, createdAt: vn(`${date}T18:00:00`), items: [{ metric: 'households_visited', count: 9 }] });
}

const remindersOf = (period: string) => stack.core.db.select().from(reminders).where(eq(reminders.period, period));
const outboxTo = async (team: string) =>
  (await stack.core.db.select().from(outboundMessages).where(and(eq(outboundMessages.channel, 'team_group'), eq(outboundMessages.recipientId, String(teamIds[team]))))).filter((r) =>
    r.idempotencyKey.startsWith('reminder-'),
  );

describe('the weekly report reminder', () => {
  it('fires once on Friday afternoon for each team that owes a report, and records why the others got none', async () => {
    await report('Tổ dân phố 1', '2026-12-08');
    expect(await sweep(vn('2026-12-10T10:00:00'))).toEqual([]);
    expect(await remindersOf('2026-W50')).toHaveLength(4);

    const sent = await sweep(vn('2026-12-11T15:05:00'));
    expect(sent).toHaveLength(2);
    expect(await sweep(vn('2026-12-11T15:10:00'))).toEqual([]);
    const byTeam = Object.fromEntries((await remindersOf('2026-W50')).map((r) => [r.teamId, r]));
    expect(byTeam[teamIds['Thôn Đông'] ?? 0]).toMatchObject({ status: 'sent' });
    expect(byTeam[teamIds['Thôn Tây'] ?? 0]).toMatchObject({ status: 'sent' });
    expect(byTeam[teamIds['Tổ dân phố 1'] ?? 0]).toMatchObject({ status: 'skipped', reason: 'already reported' });
    expect(byTeam[teamIds['Thôn Bắc'] ?? 0]).toMatchObject({ status: 'undeliverable', reason: 'nhóm Zalo chưa liên kết' });

    const [dong] = await outboxTo('Thôn Đông');
    expect(dong?.payload).toMatchObject({ kind: 'text', mention: { userId: '5200000000000000001', name: 'Nguyễn Văn An' } });
    expect(JSON.stringify(dong?.payload)).toContain('tuần này (từ 07/12) Tổ CNSCĐ Thôn Đông chưa có báo cáo');
    expect(await outboxTo('Thôn Tây')).toHaveLength(1);

    const digest = await buildCommuneWeekDigest(stack.core.db, { communeId, week: { year: 2026, week: 50 }, now: vn('2026-12-14T07:30:00'), graceDays: 1 });
    expect(renderWeekDigest(digest).join('\n')).toContain('Nhắc nhở chưa gửi được: Tổ CNSCĐ Thôn Bắc (nhóm Zalo chưa liên kết).');
  });

  it('two worker processes, each sweeping twice at the same moment, send each reminder once', async () => {
    const startAt = String(Date.now() + 2500);
    const runChild = async () => {
      const child = startNodeProcess('test/helpers/sweep-reminders-child.ts', { ...stack.env, CHILD_SWEEPS: '2', CHILD_START_AT: startAt, CHILD_NOW: vn('2026-12-18T15:01:00').toISOString() });
      const { code } = await child.exited;
      if (code !== 0) throw new Error(`child exited ${code}: ${child.output()}`);
      return z.array(z.number()).parse(JSON.parse(child.stdout()));
    };
    const written = (await Promise.all([runChild(), runChild()])).flat();
    // Thôn Đông, Thôn Tây and Tổ dân phố 1 are linked and owe the week; Thôn Bắc has no group.
    expect(written).toHaveLength(3);
    expect(new Set(written).size).toBe(3);
    expect(await outboxTo('Thôn Đông')).toHaveLength(2);
    expect((await remindersOf('2026-W51')).filter((r) => r.status === 'sent')).toHaveLength(3);
  });

  it('waits out quiet hours: due on Friday, first swept at 22:00, sent at 07:00 on Saturday', async () => {
    expect(await sweep(vn('2026-12-25T22:00:00'))).toEqual([]);
    expect(await sweep(vn('2026-12-26T06:59:00'))).toEqual([]);
    expect((await remindersOf('2026-W52')).every((r) => r.status === 'pending')).toBe(true);
    expect(await sweep(vn('2026-12-26T07:00:00'))).toHaveLength(3);
  });

  it('a reminder more than a day late is not sent: a sweep that starts after an outage does not nag about the past', async () => {
    // 2026-W53: the first sweep of that week runs on Saturday afternoon, 25 hours after Friday 15:00.
    expect(await sweep(vn('2027-01-02T16:00:00'))).toEqual([]);
    expect(await remindersOf('2026-W53')).toHaveLength(0);
  });

  it('the monthly ladder: before the 25th with the week in one message, after it with the leader, then named in the digest; overdue requests escalate', async () => {
    await linkTeamGroups(stack.core.db, [{ unit: 'Xã Demo', kind: 'commune_leaders', groupId: 'g-leaders' }]);
    await report('Tổ dân phố 1', '2027-01-05');
    const request = await insertHelpRequest(stack.core.db, {
      kind: 'home_visit', communeId, teamId: teamIds['Thôn Tây'] ?? 0, createdAt: vn('2027-01-20T08:00:00'), dueAt: vn('2027-01-22T08:00:00'),
    });
    // Friday 22 Jan 2027: the weekly reminder and "3 days before the 25th" are due together.
    await sweep(vn('2027-01-22T15:05:00'));
    const tay = (await outboxTo('Thôn Tây')).at(-1);
    const tayText = JSON.stringify(tay?.payload);
    expect(tayText).toContain('chưa có báo cáo');
    expect(tayText).toContain('Sắp đến hạn báo cáo tháng 01/2027 (ngày 25/01)');
    expect(tayText).toContain(`Yêu cầu của người dân đã quá hạn: số ${request.id}`);
    // Tổ dân phố 1 reported in January: it owes neither the week nor the month.
    expect((await outboxTo('Tổ dân phố 1')).filter((r) => r.createdAt > vn('2027-01-22T00:00:00'))).toHaveLength(0);

    // Tuesday 26 Jan: one day late, the leader is mentioned; the request waited twice its time: the leaders hear of it.
    await sweep(vn('2027-01-26T09:05:00'));
    const dong = (await outboxTo('Thôn Đông')).at(-1);
    expect(JSON.stringify(dong?.payload)).toContain('Báo cáo tháng 01/2027 đã quá hạn (ngày 25/01)');
    expect(dong?.payload).toMatchObject({ mention: { userId: '5200000000000000001' } });
    const leaders = await stack.core.db.select().from(outboundMessages).where(eq(outboundMessages.idempotencyKey, (await escalationKey()) ?? ''));
    expect(JSON.stringify(leaders[0]?.payload)).toContain(`đã chờ gấp đôi thời hạn: số ${request.id} (Tổ CNSCĐ Thôn Tây)`);

    // Thursday 28 Jan: three days late, the teams still owing January are named in that week's digest.
    await sweep(vn('2027-01-28T09:05:00'));
    const digest = await buildCommuneWeekDigest(stack.core.db, { communeId, week: { year: 2027, week: 4 }, now: vn('2027-02-01T07:30:00'), graceDays: 1 });
    expect(renderWeekDigest(digest).join('\n')).toContain('Chưa báo cáo tháng 01/2027 (đã quá hạn 3 ngày): Tổ CNSCĐ Thôn Bắc, Tổ CNSCĐ Thôn Đông, Tổ CNSCĐ Thôn Tây.');
  });
});

describe('reminders and a Redis that lost its memory', () => {
  it('a reminder written before the wipe is still sent, once, by workers that start afterwards', async () => {
    for (const group of ['g-dong', 'g-tay', 'g-tdp1']) stack.fake.state.gmfGroups.set(group, true);
    // Friday 12 March 2027, 15:01: the weekly reminders are written and handed to the queue.
    const ids = await sweep(vn('2027-03-12T15:01:00'));
    expect(ids.length).toBeGreaterThan(0);
    await stack.core.queues.enqueueOutbound(ids);
    await deleteRedisPrefix(stack.config.redisUrl, stack.config.queuePrefix);
    const workers = await startWorkers(stack.core, stack.zalo);
    try {
      const rows = await waitFor(
        async () => {
          const all = await stack.core.db.select().from(outboundMessages).where(inArray(outboundMessages.id, ids));
          return all.every((r) => r.status === 'sent') ? all : undefined;
        },
        { timeoutMs: 30_000, what: 'the reminders sent after the wipe' },
      );
      await workers.sweepNow();
      const delivered = stack.fake.state.delivered.filter((d) => rows.some((r) => r.zaloMessageId === d.messageId));
      expect(delivered).toHaveLength(ids.length);
      // Nothing was sent twice: the groups received exactly one message per outbox row sent to them
      // (earlier tests' rows, never handed to a worker before, go out now as well).
      const teamIdsLinked = ['Thôn Đông', 'Thôn Tây', 'Tổ dân phố 1'].map((t) => String(teamIds[t]));
      const sentRows = (await stack.core.db.select().from(outboundMessages).where(inArray(outboundMessages.recipientId, teamIdsLinked))).filter((r) => r.status === 'sent');
      const inGroups = stack.fake.state.delivered.filter((d) => ['group:g-dong', 'group:g-tay', 'group:g-tdp1'].includes(d.to));
      expect(inGroups).toHaveLength(sentRows.length);
    } finally {
      await workers.close();
    }
  });
});

async function escalationKey() {
  const rows = await stack.core.db.select({ key: outboundMessages.idempotencyKey }).from(outboundMessages);
  return rows.map((r) => r.key).find((k) => k.startsWith('escalation-'));
}
