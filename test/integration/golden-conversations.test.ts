import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consents,
  deletionRequests,
  followUps,
  guideRuns,
  helpRequests,
  inboundEvents,
  outboundMessages,
  residents,
  teams,
} from '../../db/schema/index.ts';
import { runConversation } from '../helpers/conversation-runner.ts';
import type { ConversationFixture } from '../helpers/conversation-runner.ts';
import { startDemoStack } from '../helpers/demo-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startDemoStack();
});
afterAll(async () => {
  await stack?.close();
});

function fixture(name: string): ConversationFixture {
  return JSON.parse(readFileSync(new URL(`../fixtures/conversations/${name}.json`, import.meta.url), 'utf8')) as ConversationFixture;
}

async function residentOf(user: string) {
  const [row] = await stack.core.db.select().from(residents).where(eq(residents.zaloUserId, user));
  return row ?? null;
}

describe('golden conversations (webhook → worker → fake Zalo)', () => {
  it('installs VNeID end to end; the finished guide needs no follow-up', async () => {
    const f = fixture('install-vneid');
    await runConversation(stack, f);
    const resident = await residentOf(f.user);
    const [run] = await stack.core.db.select().from(guideRuns).where(eq(guideRuns.residentId, resident?.id ?? -1));
    expect(run).toMatchObject({ guideId: 'vneid-install', status: 'completed', step: 6 });
    const [followUp] = await stack.core.db.select().from(followUps).where(eq(followUps.guideRunId, run?.id ?? -1));
    expect(followUp).toMatchObject({ status: 'cancelled', reason: 'completed' });
    expect(resident).toMatchObject({ privacyNoticeVersion: 'notice-v1', displayName: null, phone: null, villageId: null });
  });

  it('answers a level-2 question typed without diacritics', async () => {
    await runConversation(stack, fixture('vneid-level2'));
  });

  it('offers a choice for an ambiguous question', async () => {
    await runConversation(stack, fixture('ambiguous-choice'));
  });

  it('understands Telex leftovers, and a new question starts a new topic', async () => {
    const f = fixture('no-diacritics');
    await runConversation(stack, f);
    const resident = await residentOf(f.user);
    const runs = await stack.core.db.select().from(guideRuns).where(eq(guideRuns.residentId, resident?.id ?? -1)).orderBy(guideRuns.id);
    expect(runs.map((r) => [r.guideId, r.status])).toEqual([
      ['vneid-install', 'stopped'],
      ['queue-number', 'active'],
    ]);
  });

  it('turns "chưa làm được" into a home visit with consent and a shared phone', async () => {
    const f = fixture('stuck-home-visit');
    await runConversation(stack, f);
    const resident = await residentOf(f.user);
    expect(resident).toMatchObject({ phone: '0912345678', displayName: 'Nguyễn Văn Bảy' });
    const decisions = await stack.core.db.select().from(consents).where(eq(consents.residentId, resident?.id ?? -1));
    expect(decisions.map((c) => [c.purpose, c.textVersion, c.granted]).sort()).toEqual([
      ['home-visit', 'home-visit-v1', true],
      ['phone', 'phone-v1', true],
    ]);
    const [request] = await stack.core.db.select().from(helpRequests).where(eq(helpRequests.residentId, resident?.id ?? -1));
    const [team] = await stack.core.db.select().from(teams).where(eq(teams.id, request?.teamId ?? -1));
    expect(request).toMatchObject({ kind: 'home_visit', status: 'open', topic: 'queue-number', preferredTime: 'Buổi sáng', villageId: resident?.villageId });
    expect(team?.name).toBe('Tổ CNSCĐ Thôn Đông');
    expect((request?.dueAt.getTime() ?? 0) - (request?.createdAt.getTime() ?? 0)).toBe(3 * 24 * 3600_000);
    // The team's group gets the request (delivered once group transports are connected).
    const [toTeam] = await stack.core.db.select().from(outboundMessages).where(and(eq(outboundMessages.channel, 'team_group'), eq(outboundMessages.recipientId, String(team?.id))));
    const payload = toTeam?.payload as { text: string };
    expect(payload.text).toContain(`Yêu cầu hỗ trợ tận nhà số ${request?.id}`);
    expect(payload.text).toContain('0912345678');
    expect(payload.text).toContain(`/nhan ${request?.id}`);
    // The guide's own follow-up gave way to the team.
    const [followUp] = await stack.core.db.select().from(followUps).where(eq(followUps.residentId, resident?.id ?? -1));
    expect(followUp).toMatchObject({ status: 'cancelled', reason: 'home-visit-requested' });
  });

  it('honours "dừng" in the middle of a guide', async () => {
    const f = fixture('unsubscribe-mid-guide');
    await runConversation(stack, f);
    const resident = await residentOf(f.user);
    expect(resident?.optedOut).toBe(true);
    const [run] = await stack.core.db.select().from(guideRuns).where(eq(guideRuns.residentId, resident?.id ?? -1));
    expect(run?.status).toBe('stopped');
    const [followUp] = await stack.core.db.select().from(followUps).where(eq(followUps.residentId, resident?.id ?? -1));
    expect(followUp).toMatchObject({ status: 'cancelled', reason: 'opted-out' });
  });

  it('answers a scam question with the fixed warning card, and never stores a shared code', async () => {
    const f = fixture('scam-question');
    await runConversation(stack, f);
    const stored = await stack.core.db.select().from(inboundEvents).where(eq(inboundEvents.senderId, f.user));
    expect(stored.some((e) => e.payload.includes('[mã đã ẩn]'))).toBe(true);
    expect(stored.some((e) => e.payload.includes('482913'))).toBe(false);
  });

  it('deletes a resident’s data on request, keeping only anonymous counts', async () => {
    const f = fixture('deletion');
    const before = (await stack.core.db.select().from(deletionRequests)).length;
    await runConversation(stack, f);
    // The resident row was deleted; the last "alo" created a fresh one.
    const fresh = await residentOf(f.user);
    expect(fresh?.privacyNoticeVersion).toBe('notice-v1');
    expect(await stack.core.db.select().from(consents).where(eq(consents.residentId, fresh?.id ?? -1))).toHaveLength(0);
    const questions = await stack.core.db.select().from(helpRequests).where(eq(helpRequests.kind, 'question'));
    expect(questions).toHaveLength(1);
    // The open question was withdrawn (issue 8): cancelled, anonymous, and its team told.
    expect(questions[0]).toMatchObject({ residentId: null, note: null, status: 'cancelled' });
    const toTeam = await stack.core.db.select().from(outboundMessages).where(eq(outboundMessages.channel, 'team_group'));
    expect(toTeam.some((m) => JSON.stringify(m.payload).includes(`Yêu cầu số ${questions[0]?.id} đã được rút lại`))).toBe(true);
    expect(await stack.core.db.select().from(deletionRequests)).toHaveLength(before + 1);
    const events = await stack.core.db.select().from(inboundEvents);
    const mine = events.filter((e) => e.payload.includes(f.user));
    // Only what arrived after the deletion still names the resident.
    expect(mine.map((e) => JSON.parse(e.payload).message?.text)).toEqual(['alo']);
    expect(events.filter((e) => e.payload.includes('lich tiem chung'))).toHaveLength(0);
    // What we wrote to them before the deletion lost its text and recipient; after it, only the
    // confirmation and the new welcome and menu name them.
    const sentToThem = await stack.core.db.select().from(outboundMessages).where(eq(outboundMessages.recipientId, f.user));
    expect(sentToThem).toHaveLength(3);
    const scrubbed = await stack.core.db.select().from(outboundMessages).where(eq(outboundMessages.recipientId, 'deleted'));
    expect(scrubbed.length).toBeGreaterThanOrEqual(5);
    expect(scrubbed.every((r) => (r.payload as { text: string }).text === '[đã xóa]' && r.residentId === null)).toBe(true);
  });
});
