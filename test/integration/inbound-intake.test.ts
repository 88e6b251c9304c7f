import { inArray } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInboundStore } from '../../bot/deps.ts';
import { buildApp } from '../../bot/http/app.ts';
import { createInboundEventBatcher, defaultBatcherOptions } from '../../bot/pipeline/inbound-event-batcher.ts';
import { insertInboundEvents } from '../../db/queries/inbound-events.ts';
import type { InboundToStore } from '../../db/queries/inbound-events.ts';
import { inboundEvents } from '../../db/schema/index.ts';
import { signedHeaders } from '../../scripts/local/local-zalo-credentials.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { userText } from '../helpers/zalo-events.ts';

let stack: TestStack;
beforeAll(async () => {
  // No workers: jobs stay in the queue where the test can count them.
  stack = await startTestStack({ workers: false });
});
afterAll(async () => {
  await stack?.close();
});

const keyOf = (event: Record<string, unknown>) => `oa:3662729599332560487:user_send_text:${(event.message as { msg_id: string }).msg_id}`;
const rowsWithKeys = (keys: string[]) => stack.core.db.select().from(inboundEvents).where(inArray(inboundEvents.dedupeKey, keys));
const row = (key: string, payload = '{}'): InboundToStore => ({ source: 'oa_webhook', oaId: 'oa', eventName: 'user_send_text', senderId: 'intake-test', dedupeKey: key, payload, status: 'received', lastError: null, receivedAt: new Date() });

/** An app on the stack's database whose webhook stores through `storeInbound`. */
function appWith(storeInbound: ReturnType<typeof createInboundStore>, webhookMaxInFlight?: number) {
  const app = buildApp({ logger: pino({ level: 'silent' }), db: stack.core.db, clock: stack.core.clock, oas: stack.zalo.directory, webhook: stack.config.webhook, storeInbound, readiness: {}, links: stack.core.links, ...(webhookMaxInFlight ? { webhookMaxInFlight } : {}) });
  const post = (body: string) => app.inject({ method: 'POST', url: '/webhooks/zalo', headers: signedHeaders(body), payload: body });
  return { app, post };
}

describe('storing webhook deliveries in batches', () => {
  it('answers every redelivery of one event 200, with one row and one job, however they are batched', async () => {
    const event = userText('Cho tôi hỏi cách cài VNeID', '7400000000000000001');
    const others = Array.from({ length: 8 }, (_, i) => userText(`tin ${i}`, '7400000000000000002'));
    const bodies = [...Array.from({ length: 8 }, () => JSON.stringify(event)), ...others.map((e) => JSON.stringify(e))];
    const answers = await Promise.all(bodies.map((body) => stack.postEvent(body)));
    expect(answers.map((a) => a.status)).toEqual(bodies.map(() => 200));

    const keys = [event, ...others].map(keyOf);
    const stored = await waitFor(async () => {
      const found = await rowsWithKeys(keys);
      return found.length === keys.length && found.every((r) => r.enqueuedAt !== null) && found;
    }, { what: 'every event stored and handed to the queue' });
    const jobs = await stack.core.queues.byName.inbound.getJobs(['waiting']);
    for (const r of stored) expect(jobs.filter((j) => j.data.inboundEventId === r.id)).toHaveLength(1);
  });

  it('writes deliveries with the same key in one statement as one row: the first stored, the others duplicates', async () => {
    const store = createInboundStore(stack.core);
    const answers = await Promise.all([store(row('intake:same')), store(row('intake:other')), store(row('intake:same'))]);
    expect(answers.map((a) => a.kind)).toEqual(['stored', 'stored', 'duplicate']);
    expect(await rowsWithKeys(['intake:same', 'intake:other'])).toHaveLength(2);
    expect(await store(row('intake:same'))).toEqual({ kind: 'duplicate' });
  });

  it('stores nothing of a batch whose statement fails, and answers each of its deliveries failed', async () => {
    const store = createInboundStore(stack.core);
    // Postgres refuses a NUL character in text: the one statement fails, with the valid rows in it.
    const answers = await Promise.all([store(row('intake:fail-1')), store(row('intake:fail-2', 'bad \u0000 payload')), store(row('intake:fail-3'))]);
    expect(answers).toEqual([{ kind: 'failed' }, { kind: 'failed' }, { kind: 'failed' }]);
    expect(await rowsWithKeys(['intake:fail-1', 'intake:fail-2', 'intake:fail-3'])).toEqual([]);
  });

  it('answers 503 to every request waiting on a failed statement', async () => {
    const failing = createInboundEventBatcher({ insert: () => Promise.reject(new Error('connection terminated')), logger: pino({ level: 'silent' }) });
    const { app, post } = appWith(failing);
    const events = Array.from({ length: 6 }, (_, i) => userText(`lỗi ${i}`, '7400000000000000003'));
    const answers = await Promise.all(events.map((e) => post(JSON.stringify(e))));
    expect(answers.map((a) => a.statusCode)).toEqual(events.map(() => 503));
    expect(await rowsWithKeys(events.map(keyOf))).toEqual([]);
    await app.close();
  });

  it('beyond capacity answers 503 at once, and never 200 without a stored row', async () => {
    // A slow database: each statement takes 200 ms, and only 4 deliveries may wait for the next.
    const slowInsert = async (rows: InboundToStore[]) => {
      await new Promise((r) => setTimeout(r, 200));
      return insertInboundEvents(stack.core.dbHandle.pool, rows);
    };
    const store = createInboundEventBatcher({ insert: slowInsert, logger: pino({ level: 'silent' }) }, { ...defaultBatcherOptions, maxWaiting: 4, maxWaitMs: 10_000 });
    const { app, post } = appWith(store);
    const events = Array.from({ length: 30 }, (_, i) => userText(`đông ${i}`, `74000000000000001${String(i).padStart(2, '0')}`));
    const answers = await Promise.all(events.map((e) => post(JSON.stringify(e))));
    const statuses = answers.map((a) => a.statusCode);
    expect(new Set(statuses)).toEqual(new Set([200, 503]));
    const acked = events.filter((_e, i) => statuses[i] === 200).map(keyOf);
    const stored = await rowsWithKeys(events.map(keyOf));
    expect(stored.map((r) => r.dedupeKey).sort()).toEqual(acked.sort());
    await app.close();
  });

  it('answers 503 at once beyond the deliveries it may have in flight, and takes them again once those are answered', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let statements = 0;
    // The first delivery's statement waits until the test lets it go: it stays in flight.
    const insert = async (rows: InboundToStore[]) => {
      statements += 1;
      await held;
      return insertInboundEvents(stack.core.dbHandle.pool, rows);
    };
    const { app, post } = appWith(createInboundEventBatcher({ insert, logger: pino({ level: 'silent' }) }), 1);
    const [first, second] = [userText('trước', '7400000000000000004'), userText('sau', '7400000000000000004')];
    const firstAnswer = post(JSON.stringify(first));
    await waitFor(() => statements === 1, { what: 'the first delivery waiting for its statement' });
    expect((await post(JSON.stringify(second))).statusCode).toBe(503);
    expect(await rowsWithKeys([keyOf(second)])).toEqual([]);
    release();
    expect((await firstAnswer).statusCode).toBe(200);
    expect((await post(JSON.stringify(second))).statusCode).toBe(200);
    expect(await rowsWithKeys([keyOf(first), keyOf(second)])).toHaveLength(2);
    await app.close();
  });

});
