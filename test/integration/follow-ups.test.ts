import { testZalo } from '../../scripts/local/local-zalo-credentials.ts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { followUpMessage } from '../../bot/chat/resident/guide-flow.ts';
import { dispatchDueFollowUps } from '../../bot/domain/guides/dispatch-due-follow-ups.ts';
import { startGuide } from '../../bot/domain/guides/guide-progress.ts';
import { guideLibrary } from '../../bot/guides/guide-library.ts';
import { finishGuideRun } from '../../db/queries/guide-runs.ts';
import { setResidentOptedOut, upsertResidentInteraction } from '../../db/queries/residents.ts';
import { followUps, outboundMessages } from '../../db/schema/index.ts';
import { fakeClock } from '../helpers/fake-clock.ts';
import { settledRepliesTo } from '../helpers/outbox.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';

const t0 = new Date('2026-11-20T08:00:00+07:00');
const hour = 3600_000;
const clock = fakeClock(t0);
let stack: TestStack;
let user = 9_100_000_000_000_000_000n;

beforeAll(async () => {
  stack = await startTestStack({ clock });
});
afterAll(async () => {
  await stack?.close();
});
beforeEach(() => clock.set(t0));

/** A resident who last wrote at `lastSeen` and started a guide then; returns ids. */
async function residentInGuide(lastSeen: Date) {
  user += 1n;
  const resident = await upsertResidentInteraction(stack.core.db, { oaId: testZalo.oaId, zaloUserId: String(user), at: lastSeen });
  const run = await startGuide(stack.core.db, { residentId: resident.id, guide: guideLibrary['vneid-install'], now: lastSeen });
  return { resident, run, userId: String(user) };
}

const sweep = () => dispatchDueFollowUps({ db: stack.core.db, clock }, { limit: 100, message: followUpMessage });
const followUpOf = async (runId: number) => (await stack.core.db.select().from(followUps).where(eq(followUps.guideRunId, runId)))[0];

describe('follow-up after an unfinished guide (fake clock)', () => {
  it('is not sent before it is due, then once, about 24 h later, inside the free 48 h window', async () => {
    const { run, userId } = await residentInGuide(t0);
    clock.set(new Date(t0.getTime() + 23 * hour));
    expect((await sweep()).sent).toHaveLength(0);
    clock.set(new Date(t0.getTime() + 24 * hour + 60_000));
    const first = await sweep();
    expect(first.sent).toHaveLength(1);
    expect(await followUpOf(run.id)).toMatchObject({ status: 'sent', reason: null });
    const [row] = await stack.core.db.select().from(outboundMessages).where(eq(outboundMessages.recipientId, userId));
    expect(row?.payload).toMatchObject({ kind: 'buttons', text: expect.stringContaining('đã làm được') });
    clock.advance(6 * hour);
    expect((await sweep()).sent).toHaveLength(0);
  });

  it('is skipped, with the reason recorded, when the sweep finds the resident outside the free 48 h window', async () => {
    const { run } = await residentInGuide(t0);
    clock.set(new Date(t0.getTime() + 50 * hour));
    const result = await sweep();
    expect(result.sent).toHaveLength(0);
    expect(await followUpOf(run.id)).toMatchObject({ status: 'skipped', reason: 'outside-free-48h-window' });
  });

  it('is never sent outside the 7-day window', async () => {
    const { run } = await residentInGuide(t0);
    clock.set(new Date(t0.getTime() + 8 * 24 * hour));
    await sweep();
    expect(await followUpOf(run.id)).toMatchObject({ status: 'skipped', reason: 'outside-7-day-window' });
  });

  it('is skipped for a resident who opted out, and cancelled for a guide no longer in progress', async () => {
    const optedOut = await residentInGuide(t0);
    await setResidentOptedOut(stack.core.db, { id: optedOut.resident.id, optedOut: true, at: t0 });
    const stopped = await residentInGuide(t0);
    await finishGuideRun(stack.core.db, { id: stopped.run.id, status: 'stopped', at: t0 });
    clock.set(new Date(t0.getTime() + 25 * hour));
    await sweep();
    expect(await followUpOf(optedOut.run.id)).toMatchObject({ status: 'skipped', reason: 'opted-out' });
    expect(await followUpOf(stopped.run.id)).toMatchObject({ status: 'cancelled', reason: 'guide-not-active' });
  });

  it('moves with the resident: a step taken later pushes the follow-up to a day after that step', async () => {
    const { run } = await residentInGuide(t0);
    const { advanceGuide } = await import('../../bot/domain/guides/guide-progress.ts');
    await advanceGuide(stack.core.db, { run, guide: guideLibrary['vneid-install'], now: new Date(t0.getTime() + 20 * hour) });
    expect((await followUpOf(run.id))?.dueAt).toEqual(new Date(t0.getTime() + 44 * hour));
  });

  it('is triggered through BullMQ and reaches Zalo with its buttons', async () => {
    // A real resident (the fake Zalo sees them interact now), in a guide started by the worker path.
    const now = new Date();
    clock.set(now);
    const { userId } = await residentInGuide(now);
    clock.set(new Date(now.getTime() + 25 * hour));
    await stack.core.queues.byName.maintenance.add('sweep-follow-ups', {});
    const [message] = await settledRepliesTo(stack, userId);
    expect(message?.text).toContain('đã làm được "Cài VNeID, đăng ký mức 1" chưa');
    const buttons = (message?.message.attachment as { payload: { buttons: { title: string }[] } }).payload.buttons.map((b) => b.title);
    expect(buttons).toEqual(['Làm được rồi', 'Chưa làm được', 'Nhờ tổ hỗ trợ tận nhà']);
  });
});
