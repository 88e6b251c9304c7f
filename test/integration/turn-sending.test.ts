import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundMessages } from '../../db/schema/index.ts';
import { handOverTurn } from '../../bot/pipeline/hand-over-outbox.ts';
import { outboxRow, queueText, settledRow } from '../helpers/outbox.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';

/** One job sends a turn's messages, in order, each still claimed and recorded on its own. */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.close();
});

const log = pino({ level: 'silent' });
const sendPath = '/v3.0/oa/message/cs';
const deliveredTo = (userId: string) => stack.fake.state.delivered.filter((d) => d.to === `user:${userId}`).map((d) => d.text);

async function turnOf(userId: string, texts: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const text of texts) ids.push(await queueText(stack, userId, text, { enqueue: false }));
  return ids;
}

describe('sending a turn', () => {
  it('sends its messages in order from one job, one attempt each, and records the hand-over', async () => {
    const ids = await turnOf('7400000000000000001', ['một', 'hai', 'ba']);
    await handOverTurn(stack.core, { marked: [], unmarked: ids }, log);
    for (const id of ids) expect(await settledRow(stack, id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(deliveredTo('7400000000000000001')).toEqual(['một', 'hai', 'ba']);
    for (const id of ids) expect((await outboxRow(stack, id)).enqueuedAt).not.toBeNull();
  });

  it('waits, whole, behind an earlier message to the same person that another attempt holds', async () => {
    const [earlier] = await turnOf('7400000000000000002', ['trước']);
    if (earlier === undefined) throw new Error('no earlier row');
    // Another attempt is sending it (its lease is live), so the sweeper leaves it alone too.
    const now = new Date();
    await stack.core.db.update(outboundMessages).set({ status: 'sending', claimedAt: now, enqueuedAt: now }).where(eq(outboundMessages.id, earlier));
    const ids = await turnOf('7400000000000000002', ['sau một', 'sau hai']);
    await handOverTurn(stack.core, { marked: [], unmarked: ids }, log);
    await new Promise((r) => setTimeout(r, 400));
    expect(deliveredTo('7400000000000000002')).toEqual([]);
    expect((await outboxRow(stack, ids[0] ?? 0)).status).toBe('pending');
    await stack.core.db.update(outboundMessages).set({ status: 'sent', sentAt: new Date() }).where(eq(outboundMessages.id, earlier));
    for (const id of ids) expect(await settledRow(stack, id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(deliveredTo('7400000000000000002')).toEqual(['sau một', 'sau hai']);
  });

  it('a throttling answer in the middle pauses sending and the turn goes on in order', async () => {
    const ids = await turnOf('7400000000000000003', ['a', 'b', 'c']);
    stack.fake.inject(sendPath, { kind: 'zalo-error', code: -32, message: 'Your application/OA reached limit call api' });
    await handOverTurn(stack.core, { marked: [], unmarked: ids }, log);
    const rows = [];
    for (const id of ids) rows.push(await settledRow(stack, id));
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(rows[0]?.attempts).toBe(2);
    expect(deliveredTo('7400000000000000003')).toEqual(['a', 'b', 'c']);
  });
});
