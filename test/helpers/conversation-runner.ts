import { desc } from 'drizzle-orm';
import { expect } from 'vitest';
import { inboundEvents } from '../../db/schema/index.ts';
import { settledRepliesTo } from './outbox.ts';
import type { TestStack } from './test-stack.ts';
import { waitFor } from './wait-for.ts';
import { testZalo } from '../../scripts/local/local-zalo-credentials.ts';
import { userText } from './zalo-events.ts';

/** What one bot message must look like. */
export type ExpectedMessage = {
  /** Fragments that must all appear in the text. */
  contains?: string[];
  /** Fragments that must not appear. */
  lacks?: string[];
  /** The exact button labels, in order. */
  buttons?: string[];
  /** A "share your details" card instead of text. */
  card?: 'request-user-info';
};

/** One thing the resident does: type, tap a button by its label, or share details via Zalo's card. */
export type ConversationTurn = {
  say?: string;
  tap?: string;
  share?: { name?: string; phone?: string };
  expect: ExpectedMessage[];
};

/** `oa`: the resident writes to another OA of the test app than the test OA (a province's second commune). */
export type ConversationFixture = { name: string; user: string; turns: ConversationTurn[]; oa?: { oaId: string; oaSecretKey: string } };

type Delivered = { text: string | null; message: Record<string, unknown> };

/**
 * Plays a conversation through the real webhook, queue, worker and fake Zalo, checking after each
 * step exactly which messages came back.
 */
export async function runConversation(stack: TestStack, fixture: ConversationFixture): Promise<void> {
  // Earlier messages to this resident (from a previous conversation) count as already seen.
  const seen: Delivered[] = stack.fake.state.delivered.filter((d) => d.to === `user:${fixture.user}`);
  for (const [index, turn] of fixture.turns.entries()) {
    const label = `${fixture.name}, step ${index + 1}`;
    const event = eventFor(fixture.user, turn, seen, label);
    const res = await stack.postEvent(fixture.oa ? { ...event, recipient: { id: fixture.oa.oaId } } : event, fixture.oa?.oaSecretKey);
    expect(res.status, label).toBe(200);
    await waitFor(async () => {
      const [latest] = await stack.core.db.select().from(inboundEvents).orderBy(desc(inboundEvents.id)).limit(1);
      return latest?.status === 'processed';
    }, { what: `${label} to be handled` });
    const all = await settledRepliesTo(stack, fixture.user, { atLeast: seen.length + turn.expect.length });
    const fresh = all.slice(seen.length);
    expect(fresh.map(describe), label).toHaveLength(turn.expect.length);
    fresh.forEach((message, i) => checkMessage(message, turn.expect[i] ?? {}, `${label}, message ${i + 1}`));
    seen.push(...fresh);
  }
}

function eventFor(user: string, turn: ConversationTurn, seen: Delivered[], label: string): object {
  if (turn.say !== undefined) return userText(turn.say, user);
  if (turn.tap !== undefined) {
    const payload = findButton(seen, turn.tap);
    if (!payload) throw new Error(`${label}: no button "${turn.tap}" in the conversation so far`);
    // A tap on an oa.query button arrives as an ordinary user_send_text carrying the payload.
    return userText(payload, user);
  }
  if (turn.share) {
    return {
      app_id: testZalo.appId,
      event_name: 'user_submit_info',
      timestamp: String(Date.now()),
      sender: { id: user },
      recipient: { id: testZalo.oaId },
      info: { name: turn.share.name ?? '', phone: turn.share.phone ?? '', address: '', city: '', district: '', ward: '' },
    };
  }
  throw new Error(`${label}: a turn needs say, tap or share`);
}

function buttonsOf(m: Delivered): { title: string; payload: string }[] {
  const attachment = m.message.attachment as { payload?: { buttons?: { title: string; payload: string }[] } } | undefined;
  return attachment?.payload?.buttons ?? [];
}

function findButton(seen: Delivered[], label: string): string | null {
  for (const m of [...seen].reverse()) {
    const button = buttonsOf(m).find((b) => b.title === label);
    if (button) return button.payload;
  }
  return null;
}

function checkMessage(m: Delivered, want: ExpectedMessage, label: string): void {
  if (want.card) {
    const attachment = m.message.attachment as { payload?: { template_type?: string } } | undefined;
    expect(attachment?.payload?.template_type, label).toBe('request_user_info');
    return;
  }
  const text = m.text ?? '';
  for (const fragment of want.contains ?? []) expect(text, label).toContain(fragment);
  for (const fragment of want.lacks ?? []) expect(text, label).not.toContain(fragment);
  if (want.buttons) expect(buttonsOf(m).map((b) => b.title), label).toEqual(want.buttons);
  expect(text.length, label).toBeLessThanOrEqual(2000);
}

function describe(m: Delivered): string {
  return (m.text ?? '[card]').slice(0, 60);
}
