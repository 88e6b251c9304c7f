import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { InboundToStore } from '../../db/queries/inbound-events.ts';
import { createInboundEventBatcher, defaultBatcherOptions } from './inbound-event-batcher.ts';

const logger = pino({ level: 'silent' });
const row = (key: string, senderId = 's'): InboundToStore => ({ source: 'oa_webhook', oaId: 'oa', eventName: 'user_send_text', senderId, dedupeKey: key, payload: '{}', status: 'received', lastError: null, receivedAt: new Date() });

/** An insert that waits until the test lets it finish, recording every statement's rows. */
function controlledInsert() {
  const statements: InboundToStore[][] = [];
  const releases: (() => void)[] = [];
  let nextId = 1;
  const insert = (rows: InboundToStore[]) => {
    statements.push(rows);
    return new Promise<{ id: number; dedupeKey: string }[]>((resolve) => releases.push(() => resolve(rows.map((r) => ({ id: nextId++, dedupeKey: r.dedupeKey })))));
  };
  /** Lets each statement finish, including those the batcher starts meanwhile, until none is left. */
  const releaseAll = async () => {
    await new Promise((r) => setImmediate(r));
    while (releases.length > 0) {
      releases.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
  };
  return { insert, statements, releaseAll };
}

describe('the inbound event batcher', () => {
  it('writes deliveries that arrive together in one statement, and a lone one at once', async () => {
    const db = controlledInsert();
    const store = createInboundEventBatcher({ insert: db.insert, logger });
    const first = store(row('a'));
    await new Promise((r) => setImmediate(r));
    expect(db.statements).toHaveLength(1);
    // While the first statement is in flight, the next deliveries wait and go together.
    const rest = ['b', 'c', 'd'].map((k) => store(row(k)));
    await db.releaseAll();
    expect(await Promise.all([first, ...rest])).toEqual([1, 2, 3, 4].map((inboundEventId) => ({ kind: 'stored', inboundEventId })));
    expect(db.statements.map((rows) => rows.map((r) => r.dedupeKey))).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it("with two statements allowed, writes other senders' deliveries in a second one meanwhile, and a sender's next delivery only after its last is written", async () => {
    const db = controlledInsert();
    const store = createInboundEventBatcher({ insert: db.insert, logger }, { ...defaultBatcherOptions, maxStatements: 2 });
    const first = store(row('a1', 'a'));
    await new Promise((r) => setImmediate(r));
    // 'a' has a statement in flight: its next delivery waits; 'b' and 'c' go in a second statement at once.
    const rest = [store(row('a2', 'a')), store(row('b1', 'b')), store(row('c1', 'c'))];
    await new Promise((r) => setImmediate(r));
    expect(db.statements.map((rows) => rows.map((r) => r.dedupeKey))).toEqual([['a1'], ['b1', 'c1']]);
    // Two in flight: nothing more starts until one is written, whoever arrives.
    const later = store(row('d1', 'd'));
    await new Promise((r) => setImmediate(r));
    expect(db.statements).toHaveLength(2);
    await db.releaseAll();
    expect(db.statements.map((rows) => rows.map((r) => r.dedupeKey))).toEqual([['a1'], ['b1', 'c1'], ['a2', 'd1']]);
    const [a1, [a2]] = [await first, await Promise.all(rest)];
    // The sender's second delivery was given the later id.
    expect(a1.kind === 'stored' && a2?.kind === 'stored' && a1.inboundEventId < a2.inboundEventId).toBe(true);
    expect(await later).toEqual({ kind: 'stored', inboundEventId: 5 });
  });

  it('sends the next statement before answering the deliveries of the one that finished', async () => {
    const db = controlledInsert();
    const store = createInboundEventBatcher({ insert: db.insert, logger });
    const first = store(row('a', 'a'));
    await new Promise((r) => setImmediate(r));
    const second = store(row('b', 'b'));
    let statementsWhenAnswered = 0;
    const answered = first.then(() => (statementsWhenAnswered = db.statements.length));
    await db.releaseAll();
    await answered;
    // The first delivery heard back only after the second's statement had gone out.
    expect(statementsWhenAnswered).toBe(2);
    expect(await second).toEqual({ kind: 'stored', inboundEventId: 2 });
  });

  it('sends one row for deliveries with the same key in one batch: the first is stored, the others are duplicates', async () => {
    const db = controlledInsert();
    const store = createInboundEventBatcher({ insert: db.insert, logger });
    const answers = Promise.all([store(row('x')), store(row('y')), store(row('x')), store(row('x'))]);
    await db.releaseAll();
    expect(await answers).toEqual([{ kind: 'stored', inboundEventId: 1 }, { kind: 'stored', inboundEventId: 2 }, { kind: 'duplicate' }, { kind: 'duplicate' }]);
    expect(db.statements).toEqual([[row('x'), row('y')].map((r) => expect.objectContaining({ dedupeKey: r.dedupeKey }))]);
  });

  it('logs one line per statement: the row of a lone delivery, the id range and duplicates of a batch', async () => {
    const lines: Record<string, unknown>[] = [];
    const captured = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    const db = controlledInsert();
    const store = createInboundEventBatcher({ insert: db.insert, logger: captured });
    const lone = store(row('a', 'a'));
    await new Promise((r) => setImmediate(r));
    const batch = [store(row('b', 'b')), store(row('c', 'c')), store(row('b', 'b')), store(row('d', 'd'))];
    await db.releaseAll();
    await Promise.all([lone, ...batch]);
    const stored = lines.filter((l) => l.msg === 'webhook events stored').map(({ stored, duplicates, inboundEventId, firstId, lastId }) => ({ stored, duplicates, inboundEventId, firstId, lastId }));
    expect(stored).toEqual([
      { stored: 1, duplicates: 0, inboundEventId: 1, firstId: undefined, lastId: undefined },
      { stored: 3, duplicates: 1, inboundEventId: undefined, firstId: 2, lastId: 4 },
    ]);
    expect(lines.every((l) => typeof l.ms === 'number' || l.msg !== 'webhook events stored')).toBe(true);
  });

  it('answers every delivery of a failed statement with failed, and carries on with the next batch', async () => {
    let calls = 0;
    const insert = async (rows: InboundToStore[]) => {
      calls += 1;
      if (calls === 1) throw Object.assign(new Error('Failed query: insert …'), { code: '57P01' });
      return rows.map((r, i) => ({ id: 10 + i, dedupeKey: r.dedupeKey }));
    };
    const store = createInboundEventBatcher({ insert, logger });
    expect(await Promise.all([store(row('a')), store(row('b'))])).toEqual([{ kind: 'failed' }, { kind: 'failed' }]);
    expect(await store(row('a'))).toEqual({ kind: 'stored', inboundEventId: 10 });
  });

  it('refuses at once beyond the waiting limit, and refuses deliveries that waited too long', async () => {
    const db = controlledInsert();
    let now = 0;
    const store = createInboundEventBatcher({ insert: db.insert, logger, now: () => now }, { ...defaultBatcherOptions, maxWaiting: 2, maxWaitMs: 500 });
    const inFlight = store(row('a'));
    await new Promise((r) => setImmediate(r));
    const waiting = [store(row('b')), store(row('c'))];
    expect(await store(row('d'))).toEqual({ kind: 'overloaded' });
    now = 600;
    // The queue's oldest has waited past the limit: new deliveries are refused without waiting.
    expect(await store(row('e'))).toEqual({ kind: 'overloaded' });
    await db.releaseAll();
    expect(await inFlight).toEqual({ kind: 'stored', inboundEventId: 1 });
    // Those that waited past the limit are refused rather than written after Zalo gave up.
    expect(await Promise.all(waiting)).toEqual([{ kind: 'overloaded' }, { kind: 'overloaded' }]);
    expect(db.statements).toHaveLength(1);
  });
});
