import { desc, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testZalo } from '../../scripts/local/local-zalo-credentials.ts';
import { encodeAction } from '../../bot/chat/button-actions.ts';
import { systemClock } from '../../bot/clock.ts';
import { deliverOutboundMessage } from '../../bot/domain/outbox/deliver-outbound-message.ts';
import { processInboundEvent } from '../../bot/pipeline/process-inbound-event.ts';
import { createDb } from '../../db/client.ts';
import type { DbHandle } from '../../db/client.ts';
import { inboundEvents, outboundMessages } from '../../db/schema/index.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { userText } from '../helpers/zalo-events.ts';

/**
 * How many statements one resident message costs the worker, counted on a pool of its own. These
 * numbers are the point of the message path's design (one statement to claim the event, one to load
 * the turn, one to write its effects; one per message sent): a change that adds a round trip to
 * every message should have to change this test.
 */
let stack: TestStack;
let counted: DbHandle;
let queries = 0;
beforeAll(async () => {
  stack = await startTestStack({ workers: false });
  counted = createDb(stack.database.url);
  counted.pool.on('connect', (client) => {
    const query: unknown = Reflect.get(client, 'query');
    if (typeof query !== 'function') return;
    Reflect.set(client, 'query', (...args: unknown[]) => {
      queries += 1;
      return Reflect.apply(query, client, args);
    });
  });
});
afterAll(async () => {
  await counted?.close();
  await stack?.close();
});

async function storedEvent(text: string, userId: string): Promise<number> {
  expect((await stack.postEvent(userText(text, userId))).status).toBe(200);
  const [row] = await stack.core.db.select({ id: inboundEvents.id }).from(inboundEvents).orderBy(desc(inboundEvents.id)).limit(1);
  if (!row) throw new Error('event not stored');
  return row.id;
}

async function statementsFor(work: () => Promise<unknown>): Promise<number> {
  const before = queries;
  await work();
  return queries - before;
}

const deps = () => ({ db: counted.db, clock: systemClock, communeCode: stack.config.communeCode, publicBaseUrl: null, reportLinks: null, digestGraceDays: stack.config.digestGraceDays });

describe('round trips to Postgres per resident message', () => {
  const userId = '7300000000000000001';

  it('a new resident’s guide question: begin, claim, load, start the guide, write the replies, commit', async () => {
    const id = await storedEvent('cach cai vneid', userId);
    const results: Awaited<ReturnType<typeof processInboundEvent>>[] = [];
    expect(await statementsFor(async () => void results.push(await processInboundEvent(deps(), id)))).toBe(6);
    const [result] = results;
    // The welcome with the privacy notice, then the guide's first step, both through the OA written
    // to: the send job is told it and does not look it up (one round trip less per message).
    expect(result).toMatchObject({ outcome: 'processed', repliesOaId: testZalo.oaId });
    expect(result?.replyIds).toHaveLength(2);
  });

  it('its replies go out with one statement each and one more to start', async () => {
    const rows = await stack.core.db.select({ id: outboundMessages.id }).from(outboundMessages).where(eq(outboundMessages.recipientId, userId)).orderBy(outboundMessages.id);
    const [first, second] = rows.map((r) => r.id);
    if (first === undefined || second === undefined) throw new Error('two replies expected');
    const delivery = { db: counted.db, transports: { oa_user: stack.zalo.oaTransport }, clock: systemClock, logger: pino({ level: 'silent' }), leaseMs: 20_000, maxAttempts: 12, unverifiedResendAfterMs: 600_000 };
    const sent = await statementsFor(async () => {
      const one = await deliverOutboundMessage(delivery, { id: first, nextId: second });
      expect(one.next?.row.id).toBe(second);
      expect((await deliverOutboundMessage(delivery, { id: second, claimed: one.next })).outcome.kind).toBe('sent');
    });
    expect(sent).toBe(3);
    expect(stack.fake.state.delivered.filter((d) => d.to === `user:${userId}`)).toHaveLength(2);
  });

  it('a tap on "next": begin, claim, load, move the guide, write the reply, commit', async () => {
    const id = await storedEvent(encodeAction({ kind: 'guide-next' }), userId);
    expect(await statementsFor(() => processInboundEvent(deps(), id))).toBe(6);
  });

  it('a greeting from a resident seen before: begin, claim, load, write the reply, commit', async () => {
    const id = await storedEvent('xin chao', userId);
    expect(await statementsFor(() => processInboundEvent(deps(), id))).toBe(5);
  });

  it('a job retried after its turn committed writes nothing and hands the open replies over again', async () => {
    const id = await storedEvent('cach cai vssid', '7300000000000000002');
    const first = await processInboundEvent(deps(), id);
    const again = await processInboundEvent(deps(), id);
    expect(again).toEqual({ outcome: 'already-done', replyIds: [], otherIds: first.replyIds });
  });
});
