import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrgUnitByCode } from '../../db/queries/org-units.ts';
import { findTeamOfUnit } from '../../db/queries/teams.ts';
import { consents, deletionRequests, guideRuns, helpRequests, inboundEvents, outboundMessages, residents } from '../../db/schema/index.ts';
import { runConversation } from '../helpers/conversation-runner.ts';
import type { ConversationFixture } from '../helpers/conversation-runner.ts';
import { startDemoStack } from '../helpers/demo-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';

/**
 * Issue 7's classes, each as a conversation through the real webhook, queue, worker and fake Zalo:
 * what a resident sees, and what was (or was not) stored.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startDemoStack();
});
afterAll(async () => {
  await stack?.close();
});

async function play(name: string): Promise<ConversationFixture> {
  const f = JSON.parse(readFileSync(new URL(`../fixtures/conversations/understanding/${name}.json`, import.meta.url), 'utf8')) as ConversationFixture;
  await runConversation(stack, f);
  return f;
}
async function residentOf(user: string) {
  const [row] = await stack.core.db.select().from(residents).where(eq(residents.zaloUserId, user));
  if (!row) throw new Error(`no resident ${user}`);
  return row;
}
async function requestsOf(user: string) {
  const resident = await residentOf(user);
  return stack.core.db.select().from(helpRequests).where(eq(helpRequests.residentId, resident.id));
}
async function teamTexts(teamId: number): Promise<string[]> {
  const rows = await stack.core.db.select().from(outboundMessages).where(and(eq(outboundMessages.channel, 'team_group'), eq(outboundMessages.recipientId, String(teamId))));
  return rows.map((r) => JSON.stringify(r.payload));
}
async function teamOf(unitCode: string, kind: 'village' | 'commune_leaders') {
  const unit = await findOrgUnitByCode(stack.core.db, unitCode);
  const team = unit && (await findTeamOfUnit(stack.core.db, { unitId: unit.id, kind }));
  if (!team) throw new Error(`no ${kind} team for ${unitCode}`);
  return team;
}

describe('yes-words inside forms and confirmations are answers, never a stop', () => {
  it('“Đúng rồi ạ” consents and “ừ đúng vậy” shares the phone in the home-visit form', async () => {
    const f = await play('yes-in-visit-form');
    const resident = await residentOf(f.user);
    expect(resident.optedOut).toBe(false);
    const [request] = await requestsOf(f.user);
    expect(request).toMatchObject({ kind: 'home_visit', topic: 'vneid-install', preferredTime: 'sáng mai' });
    const decisions = await stack.core.db.select().from(consents).where(eq(consents.residentId, resident.id));
    expect([...new Set(decisions.map((c) => `${c.purpose}:${c.granted}`))].sort()).toEqual(['home-visit:true', 'phone:true']);
  });

  it('“đúng rồi cháu” confirms a deletion', async () => {
    const before = (await stack.core.db.select().from(deletionRequests)).length;
    await play('yes-in-deletion');
    expect(await stack.core.db.select().from(deletionRequests)).toHaveLength(before + 1);
  });

  it('a bare “dung” is asked about; nothing is stopped or thrown away', async () => {
    const f = await play('dung-without-marks');
    expect((await residentOf(f.user)).optedOut).toBe(false);
  });

  it('a stop or a cancel in the middle of a form is confirmed once, and the form can go on', async () => {
    const f = await play('stop-during-form');
    expect((await residentOf(f.user)).optedOut).toBe(false);
    expect(await requestsOf(f.user)).toHaveLength(0);
  });
});

describe('context and the way residents speak', () => {
  it('vocatives do not defeat control words, and the resident is addressed as “bác” throughout', async () => {
    const f = await play('vocatives-at-guide-step');
    const resident = await residentOf(f.user);
    expect(resident.addressForm).toBe('bac');
    const [run] = await stack.core.db.select().from(guideRuns).where(eq(guideRuns.residentId, resident.id));
    expect(run).toMatchObject({ guideId: 'vneid-install', step: 1, status: 'active' });
    const sent = await stack.core.db.select().from(outboundMessages).where(eq(outboundMessages.recipientId, f.user));
    for (const row of sent) expect(JSON.stringify(row.payload)).not.toMatch(/\{b\}|\{B\}|bác\/anh\/chị/);
  });

  it('a scam call in progress gets what to do now', async () => {
    await play('scam-in-progress');
  });

  it('a victim gets the after-the-fact steps', async () => {
    await play('scam-victim');
  });

  it('a guide is entered at the step that answers the question', async () => {
    const f = await play('guide-entry-steps');
    const resident = await residentOf(f.user);
    const runs = await stack.core.db.select().from(guideRuns).where(eq(guideRuns.residentId, resident.id)).orderBy(guideRuns.id);
    expect(runs.map((r) => [r.guideId, r.step])).toEqual([
      ['vneid-account-recovery', 3],
      ['vssid', 5],
      ['vneid-install', 2],
    ]);
  });

  it('two topics in one question get a comparison', async () => {
    await play('two-topics');
  });

  it('a complaint becomes a question for the commune staff with the resident’s own words', async () => {
    const f = await play('complaint');
    const [request] = await requestsOf(f.user);
    expect(request).toMatchObject({ kind: 'question', note: 'làm ăn kiểu gì mà hẹn đến nhà rồi không ai đến' });
    const leaders = await teamOf('demo-xa', 'commune_leaders');
    expect(request?.teamId).toBe(leaders.id);
    expect((await teamTexts(leaders.id)).some((t) => t.includes('hẹn đến nhà rồi không ai đến'))).toBe(true);
  });
});

describe('home visits go to a team that can hear them', () => {
  it('a visit asked for in the middle of a guide is for that guide’s task, and the need is not asked again', async () => {
    const f = await play('visit-during-guide');
    const [request] = await requestsOf(f.user);
    expect(request).toMatchObject({ kind: 'home_visit', topic: 'vneid-install', preferredTime: 'chieu nay' });
  });

  it('a village named in the first message is kept; without a linked group its request goes to the leaders', async () => {
    const f = await play('visit-village-without-group');
    const [request] = await requestsOf(f.user);
    const tay = await findOrgUnitByCode(stack.core.db, 'demo-xa-thon-tay');
    const leaders = await teamOf('demo-xa', 'commune_leaders');
    expect(request).toMatchObject({ kind: 'home_visit', villageId: tay?.id, teamId: leaders.id, topic: 'vneid-install' });
    expect((await teamOf('demo-xa-thon-tay', 'village')).zaloGroupId).toBeNull();
  });

  it('a question typed where the village is expected is answered as a question', async () => {
    const f = await play('question-at-village-step');
    const resident = await residentOf(f.user);
    const [run] = await stack.core.db.select().from(guideRuns).where(eq(guideRuns.residentId, resident.id));
    expect(run?.guideId).toBe('vneid-install');
  });

  it('a resident cancels their own request after one confirmation, and the team is told', async () => {
    const f = await play('cancel-request');
    const [request] = await requestsOf(f.user);
    expect(request?.status).toBe('cancelled');
    const dong = await teamOf('demo-xa-thon-dong', 'village');
    expect((await teamTexts(dong.id)).some((t) => t.includes(`đã hủy yêu cầu số ${request?.id}`))).toBe(true);
  });
});

describe('sensitive numbers', () => {
  it('never stores a password, an old ID number or a health-insurance code', async () => {
    const f = await play('sensitive-numbers');
    const stored = await stack.core.db.select().from(inboundEvents).where(eq(inboundEvents.senderId, f.user));
    const text = stored.map((e) => e.payload).join('\n');
    expect(text).not.toMatch(/Hoa@1960|186123456|DN4797915123456/);
    expect(text).toContain('[mật khẩu đã ẩn]');
  });
});

describe('every message to a resident', () => {
  it('is addressed: no {b} placeholder and no "bác/anh/chị" is ever sent', async () => {
    const rows = await stack.core.db.select().from(outboundMessages).where(eq(outboundMessages.channel, 'oa_user'));
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) expect(JSON.stringify(row.payload)).not.toMatch(/\{b\}|\{B\}|bác\/anh\/chị|CNSCĐ/);
  });
});
