import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../bot/config.ts';
import { createCoreDeps, createInboundStore } from '../../bot/deps.ts';
import { buildApp } from '../../bot/http/app.ts';
import { inboundEvents } from '../../db/schema/index.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { signedHeaders } from '../../scripts/local/local-zalo-credentials.ts';
import { fixtureDeliveredNow, userText } from '../helpers/zalo-events.ts';
import { waitFor } from '../helpers/wait-for.ts';

let stack: TestStack;
beforeAll(async () => {
  // No workers: these tests look at what the webhook itself stores and answers.
  stack = await startTestStack({ workers: false });
});
afterAll(async () => {
  await stack?.close();
});

const post = (body: string, headers: Record<string, string>) => fetch(`${stack.baseUrl}/webhooks/zalo`, { method: 'POST', headers, body });
const rowCount = async () => (await stack.core.db.select().from(inboundEvents)).length;

describe('POST /webhooks/zalo', () => {
  it('rejects a bad signature with 401 and stores nothing', async () => {
    const before = await rowCount();
    const body = JSON.stringify(userText('chào'));
    const headers = signedHeaders(body);
    const tampered = body.replace('chào', 'chao');
    expect((await post(tampered, headers)).status).toBe(401);
    expect((await post(body, { 'content-type': 'application/json' })).status).toBe(401);
    expect((await post(body, { ...headers, 'x-zevent-signature': 'mac=00' })).status).toBe(401);
    expect(await rowCount()).toBe(before);
  });

  it('answers 400 to malformed JSON and to a body without an envelope', async () => {
    expect((await post('{"event_name": "user_send_text", ', { 'content-type': 'application/json', 'x-zevent-signature': 'mac=1' })).status).toBe(400);
    const noName = JSON.stringify({ timestamp: '1763606461354', foo: 1 });
    expect((await post(noName, signedHeaders(noName))).status).toBe(400);
  });

  it('answers 413 to a body over 64 KB', async () => {
    const big = JSON.stringify({ ...userText('x'), padding: 'a'.repeat(70 * 1024) });
    expect((await post(big, signedHeaders(big))).status).toBe(413);
  });

  it('stores an event type it does not handle as ignored and answers 200', async () => {
    const body = fixtureDeliveredNow('user_seen_message');
    expect((await post(body, signedHeaders(body))).status).toBe(200);
    const [row] = await stack.core.db.select().from(inboundEvents).where(eq(inboundEvents.eventName, 'user_seen_message'));
    expect(row).toMatchObject({ status: 'ignored', enqueuedAt: null });
  });

  it('answers 400, not 503, to a NUL character and to deeply nested JSON, and stores nothing', async () => {
    const before = await rowCount();
    const nul = JSON.stringify({ ...userText('chào'), sender: { id: 'abc\u0000def' } });
    const nulAnswer = await post(nul, signedHeaders(nul));
    expect(nulAnswer.status).toBe(400);
    expect(await nulAnswer.json()).toMatchObject({ reason: 'NUL character in the event' });
    const deep = JSON.stringify(userText('chào')).replace(/}$/, `,"extra":${'{"n":'.repeat(5000)}1${'}'.repeat(5000)}}`);
    expect(deep.length).toBeLessThan(64 * 1024);
    const deepAnswer = await post(deep, signedHeaders(deep));
    expect(deepAnswer.status).toBe(400);
    expect(await deepAnswer.json()).toMatchObject({ reason: 'JSON nested deeper than 32 levels' });
    expect(await rowCount()).toBe(before);
  });

  it('redacts ID numbers and codes from events it stores as ignored or invalid, keeping their ids', async () => {
    const ignored = JSON.stringify({ ...JSON.parse(fixtureDeliveredNow('user_seen_message')), note: 'cccd 001203004567, otp 482913' });
    expect((await post(ignored, signedHeaders(ignored))).status).toBe(200);
    const invalid = JSON.stringify({ ...userText('so cccd 001203004567 ma otp 482913'), sender: { name: 'no id' } });
    expect((await post(invalid, signedHeaders(invalid))).status).toBe(200);
    const rows = await stack.core.db.select().from(inboundEvents);
    const stored = rows.map((r) => r.payload).join('\n');
    expect(stored).not.toContain('001203004567');
    expect(stored).not.toContain('482913');
    expect(stored).toContain('[số giấy tờ đã ẩn]');
  });

  it('stores a known event with an unexpected shape as invalid, keeping the body', async () => {
    const body = JSON.stringify({ ...userText('hi'), sender: { name: 'no id' } });
    expect((await post(body, signedHeaders(body))).status).toBe(200);
    const rows = await stack.core.db.select().from(inboundEvents).where(eq(inboundEvents.status, 'invalid'));
    const row = rows.find((r) => r.payload === body);
    expect(row?.lastError).toMatch(/^unexpected shape: .*sender\.id/s);
  });

  it('refuses ids sent as JSON numbers with 400 and the reason (their digits beyond 2^53 are already lost)', async () => {
    const before = await rowCount();
    const event = userText('chào');
    // Written as Zalo would if it sent numbers: the digits are in the JSON text, not in a JS number.
    const asNumber = (key: string, value: string) => JSON.stringify({ ...event, [key]: 'X' }).replace('"X"', value);
    for (const body of [
      asNumber('sender', '{"id":6142494823919228012}'),
      asNumber('message', '{"text":"chào","msg_id":12345678901234567890}'),
      asNumber('app_id', '999'),
    ]) {
      const answer = await post(body, signedHeaders(body));
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({ reason: expect.stringContaining('JSON number') });
    }
    expect(await rowCount()).toBe(before);
  });

  it('stores events for another app or another OA as ignored with the reason, answers 200 and queues nothing', async () => {
    const foreignApp = JSON.stringify({ ...userText('xin chào'), app_id: '999' });
    const foreignOa = JSON.stringify({ ...userText('xin chào'), recipient: { id: '1111111111111111111' } });
    for (const body of [foreignApp, foreignOa]) expect((await post(body, signedHeaders(body))).status).toBe(200);
    const rows = await stack.core.db.select().from(inboundEvents);
    const byPayload = (body: string) => rows.find((r) => r.payload === body);
    expect(byPayload(foreignApp)).toMatchObject({ status: 'ignored', lastError: 'foreign-app', enqueuedAt: null, senderId: null });
    expect(byPayload(foreignOa)).toMatchObject({ status: 'ignored', lastError: 'foreign-oa', enqueuedAt: null, oaId: '1111111111111111111' });
  });

  it('stores a message event without msg_id as invalid, saying so', async () => {
    const event = userText('cho hỏi');
    const body = JSON.stringify({ ...event, message: { text: 'cho hỏi' } });
    expect((await post(body, signedHeaders(body))).status).toBe(200);
    const rows = await stack.core.db.select().from(inboundEvents).where(eq(inboundEvents.status, 'invalid'));
    expect(rows.find((r) => r.payload === body)?.lastError).toBe('message event without msg_id');
  });

  it('ignores an event older than WEBHOOK_MAX_EVENT_AGE_MIN (a day by default) and handles one a little younger', async () => {
    const day = 24 * 3600_000;
    const stale = JSON.stringify(userText('tin cũ', '6142494823919228099', new Date(Date.now() - day - 60_000)));
    const late = JSON.stringify(userText('tin muộn', '6142494823919228098', new Date(Date.now() - day + 3600_000)));
    for (const body of [stale, late]) expect((await post(body, signedHeaders(body))).status).toBe(200);
    const rows = await stack.core.db.select().from(inboundEvents);
    expect(rows.find((r) => r.senderId === null && r.payload.includes('tin cũ'))).toMatchObject({ status: 'ignored', lastError: 'too-old' });
    expect(rows.find((r) => r.senderId === '6142494823919228098')).toMatchObject({ status: 'received', lastError: null });
  });

  it('stores and queues a handled event, redacting ID numbers and one-time codes from the text', async () => {
    const event = userText('CCCD cua toi 001203004567, ma OTP 482913');
    const body = JSON.stringify(event);
    expect((await post(body, signedHeaders(body))).status).toBe(200);
    const key = `oa:3662729599332560487:user_send_text:${(event.message as { msg_id: string }).msg_id}`;
    // Stored before the answer; handed to the queue right after by the relay.
    const row = await waitFor(async () => (await stack.core.db.select().from(inboundEvents).where(eq(inboundEvents.dedupeKey, key))).find((r) => r.enqueuedAt !== null), { what: 'the event handed to the queue' });
    expect(row?.status).toBe('received');
    expect(await stack.core.queues.byName.inbound.getJob(`inbound-${row.id}`)).toBeDefined();
    expect(row?.payload).not.toContain('001203004567');
    expect(row?.payload).not.toContain('482913');
    expect(JSON.parse(row?.payload ?? '{}').sender.id).toBe('6142494823919228012');
  });

  it('answers 503 and stores nothing when Postgres cannot be reached', async () => {
    const config = parseConfig({ ...stack.env, DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:1/nowhere' });
    const core = createCoreDeps(config, { name: 'test', logger: pino({ level: 'silent' }) });
    const app = buildApp({ logger: pino({ level: 'silent' }), db: core.db, clock: core.clock, oas: stack.zalo.directory, webhook: config.webhook, storeInbound: createInboundStore(core), readiness: {}, links: core.links });
    try {
      const body = JSON.stringify(userText('alo'));
      const started = Date.now();
      const res = await app.inject({ method: 'POST', url: '/webhooks/zalo', headers: signedHeaders(body), payload: body });
      expect(res.statusCode).toBe(503);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await app.close();
      await core.close();
    }
  });

  it('answers 503, not 500, when the OA list cannot be read (Postgres away as the bot starts), and says so once', async () => {
    const unreadable = () => Promise.reject(new Error('Failed query: select … from "oa_accounts"\nparams: ', { cause: Object.assign(new Error('Connection terminated'), { code: 'ECONNRESET' }) }));
    const lines: { msg: string; refused?: number; error?: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as { msg: string }) });
    const oas = { find: unreadable, ofApp: unreadable, all: unreadable };
    const app = buildApp({ logger, db: stack.core.db, clock: stack.core.clock, oas, webhook: stack.config.webhook, storeInbound: createInboundStore(stack.core), readiness: {}, links: stack.core.links });
    try {
      for (const text of ['alo lúc khởi động', 'alo lần nữa']) {
        const body = JSON.stringify(userText(text));
        const res = await app.inject({ method: 'POST', url: '/webhooks/zalo', headers: signedHeaders(body), payload: body });
        expect(res.statusCode).toBe(503);
        expect(res.json()).toEqual({ error: 'unavailable' });
      }
      expect(lines.filter((l) => l.msg.startsWith('webhook delivery could not be handled'))).toEqual([
        expect.objectContaining({ refused: 1, error: 'Error: Failed query: [query hidden] (ECONNRESET Connection terminated)' }),
      ]);
      expect(lines.filter((l) => l.msg === 'request failed')).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('stores events as ignored, answering 200, while no OA is configured (Zalo would retry a 503 for days)', async () => {
    const noOas = { find: async () => null, ofApp: async () => [], all: async () => [] };
    const app = buildApp({ logger: pino({ level: 'silent' }), db: stack.core.db, clock: stack.core.clock, oas: noOas, webhook: stack.config.webhook, storeInbound: createInboundStore(stack.core), readiness: {}, links: stack.core.links });
    const body = JSON.stringify(userText('alo khi chưa có OA'));
    const res = await app.inject({ method: 'POST', url: '/webhooks/zalo', headers: signedHeaders(body), payload: body });
    expect(res.statusCode).toBe(200);
    const [row] = await stack.core.db.select().from(inboundEvents).where(eq(inboundEvents.payload, body));
    expect(row).toMatchObject({ status: 'ignored', lastError: 'foreign-oa', enqueuedAt: null });
    await app.close();
  });
});

describe('health', () => {
  it('reports liveness and readiness of Postgres and Redis', async () => {
    expect((await fetch(`${stack.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${stack.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok' } });
  });
});
