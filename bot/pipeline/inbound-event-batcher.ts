import type { InboundToStore } from '../../db/queries/inbound-events.ts';
import type { Logger } from '../logger.ts';
import { createCountedWarning } from '../counted-warning.ts';
import type { CountedWarning } from '../counted-warning.ts';
import { databaseErrorCode } from '../../db/error-code.ts';

export type StoreOutcome =
  | { kind: 'stored'; inboundEventId: number }
  /** Its dedupe key was stored before, or by an earlier delivery of the same batch. */
  | { kind: 'duplicate' }
  /** Too many deliveries already waiting for the store, or waiting too long: answer 503 at once. */
  | { kind: 'overloaded' }
  /** The insert failed: nothing of its batch was stored. */
  | { kind: 'failed' };

export type StoreInboundEvent = (row: InboundToStore) => Promise<StoreOutcome>;

export type BatcherDeps = {
  /** One statement for many rows (db/queries/inbound-events.ts insertInboundEvents). */
  insert: (rows: InboundToStore[]) => Promise<{ id: number; dedupeKey: string }[]>;
  logger: Logger;
  now?: () => number;
};

export type BatcherOptions = {
  /** Rows per statement. */
  maxBatch: number;
  /** Deliveries waiting for a statement beyond this are refused. */
  maxWaiting: number;
  /** A delivery that waited this long for its statement is refused: Zalo gives up after ~2 s. */
  maxWaitMs: number;
  /** Statements in flight at once (on as many pooled connections). */
  maxStatements: number;
};

/**
 * 2,000 waiting is about a second of deliveries at the rate the bot can take. A statement normally
 * takes milliseconds; a delivery that waited 1.5 s would be answered after Zalo stopped waiting.
 * One statement in flight. Two were faster (19-28% more deliveries a second in the webhook bench's
 * closed loop) while the bot spent ~1 ms of CPU per delivery and sat idle during each round trip;
 * at ~0.13 ms the statements themselves cost more (each is a socket write and a wake-up of
 * Postgres): one in flight, with batches of ~25 rows instead of ~12, took 12% more deliveries a
 * second for 11% less bot CPU each (five interleaved pairs, 2026-12-03). More stay possible for a
 * faster Postgres link; a sender's rows are then kept in one statement at a time.
 */
export const defaultBatcherOptions: BatcherOptions = { maxBatch: 500, maxWaiting: 2000, maxWaitMs: 1500, maxStatements: 1 };

type Waiter = { row: InboundToStore; since: number; resolve: (outcome: StoreOutcome) => void };

/**
 * Stores the deliveries of concurrent webhook requests with one INSERT per batch instead of one
 * per request. Whatever arrives while statements are in flight waits and goes in the next one, so
 * batches grow with the load and a lone delivery is written at once. One sender's deliveries are
 * written in arrival order (the ids order them for the worker): a row whose sender has a row in a
 * statement still in flight waits for that statement, since two statements in flight at once may
 * take their ids in either order.
 */
export function createInboundEventBatcher(deps: BatcherDeps, options: BatcherOptions = defaultBatcherOptions): StoreInboundEvent {
  const now = deps.now ?? Date.now;
  const line = createWaitingLine(options, now, createCountedWarning(deps.logger, 'webhook store overloaded: answering 503 so Zalo retries later', { everyMs: 10_000, now }));
  // A sender is in at most one statement at a time: take() leaves their rows while it is in flight.
  const sendersInFlight = new Set<string>();
  let statements = 0;
  let scheduled = false;
  const start = () => {
    scheduled = false;
    while (statements < options.maxStatements) {
      const batch = line.take(sendersInFlight);
      if (batch.length === 0) return;
      const senders = batch.map((w) => senderOf(w.row)).filter((k): k is string => k !== null);
      senders.forEach((k) => sendersInFlight.add(k));
      statements += 1;
      void write(deps, batch, () => {
        statements -= 1;
        senders.forEach((k) => sendersInFlight.delete(k));
        start();
      });
    }
  };
  return (row) => {
    if (line.refuses()) return Promise.resolve({ kind: 'overloaded' });
    return new Promise((resolve) => {
      line.push({ row, since: now(), resolve });
      // Started after the current I/O phase, so requests that arrived together share the first statement.
      if (!scheduled && statements < options.maxStatements) {
        scheduled = true;
        setImmediate(start);
      }
    });
  };
}

/** The key that orders a sender's events; null for events without a sender (no order to keep). */
function senderOf(row: InboundToStore): string | null {
  return row.senderId ? `${row.oaId ?? ''}:${row.senderId}` : null;
}

/** Deliveries waiting for the next statement, oldest first, with the limits that refuse more. */
function createWaitingLine(options: BatcherOptions, now: () => number, refusals: CountedWarning) {
  let waiting: Waiter[] = [];
  return {
    size: () => waiting.length,
    push: (w: Waiter) => void waiting.push(w),
    /** Too many wait, or the oldest has waited too long: a newcomer would wait at least as long. */
    refuses(): boolean {
      const oldest = waiting[0];
      const refuse = waiting.length >= options.maxWaiting || (oldest !== undefined && now() - oldest.since > options.maxWaitMs);
      if (refuse) refusals.count(1, { waiting: waiting.length });
      return refuse;
    },
    /**
     * The next batch, oldest first, leaving the rows of senders with a statement in flight in the
     * line. Those that waited past the limit are refused instead of written late.
     */
    take(busy: ReadonlySet<string>): Waiter[] {
      const tooOld = now() - options.maxWaitMs;
      let stale = 0;
      while (stale < waiting.length && (waiting[stale]?.since ?? 0) < tooOld) stale++;
      waiting.slice(0, stale).forEach((w) => w.resolve({ kind: 'overloaded' }));
      refusals.count(stale, { waiting: waiting.length });
      waiting = waiting.slice(stale);
      const batch: Waiter[] = [];
      const left: Waiter[] = [];
      for (const w of waiting) {
        const sender = senderOf(w.row);
        if (batch.length < options.maxBatch && (sender === null || !busy.has(sender))) batch.push(w);
        else left.push(w);
      }
      waiting = left;
      return batch;
    },
  };
}

/**
 * One statement; each waiter learns whether its row was stored, a duplicate, or not stored at all.
 * `finished` runs as soon as the statement is done, before the waiters are told: the next
 * statement is then on its way to Postgres while this batch's answers are written, instead of
 * after them (2-3% more deliveries a second in interleaved closed-loop pairs).
 *
 * One info line per statement, not per delivery: at a commune's usual rate a statement holds one
 * delivery and the line names its row; in a burst one line covers the batch. A line per delivery
 * cost 12-15% of the bot's CPU per delivery at a few thousand a second, where each CPU-millisecond
 * is taken from Postgres and the workers on the same cores.
 */
async function write(deps: BatcherDeps, batch: Waiter[], finished: () => void): Promise<void> {
  const startedAt = performance.now();
  const byKey = new Map<string, Waiter[]>();
  for (const w of batch) {
    const same = byKey.get(w.row.dedupeKey);
    if (same) same.push(w);
    else byKey.set(w.row.dedupeKey, [w]);
  }
  let inserted: Map<string, number>;
  try {
    const rows = await deps.insert([...byKey.values()].map((ws) => ws[0]?.row).filter((r): r is InboundToStore => r !== undefined));
    inserted = new Map(rows.map((r) => [r.dedupeKey, r.id]));
  } catch (err) {
    finished();
    // The error's message carries the statement and its parameters (the events): log only its code.
    deps.logger.error({ code: failureCode(err), deliveries: batch.length }, 'could not store webhook events; answering 503 so Zalo retries');
    batch.forEach((w) => w.resolve({ kind: 'failed' }));
    return;
  }
  finished();
  for (const [key, waiters] of byKey) {
    const id = inserted.get(key);
    waiters.forEach((w, i) => w.resolve(id !== undefined && i === 0 ? { kind: 'stored', inboundEventId: id } : { kind: 'duplicate' }));
  }
  deps.logger.info(describeStatement(batch.length, [...inserted.values()], performance.now() - startedAt), 'webhook events stored');
}

/** The log line's fields: how many deliveries, which rows they became, and how long the statement took. */
function describeStatement(deliveries: number, ids: number[], ms: number): Record<string, number> {
  const fields: Record<string, number> = { stored: ids.length, duplicates: deliveries - ids.length };
  if (ids.length === 1) fields.inboundEventId = ids[0] ?? 0;
  if (ids.length > 1) Object.assign(fields, { firstId: Math.min(...ids), lastId: Math.max(...ids) });
  fields.ms = Math.round(ms);
  return fields;
}

/** What went wrong, without the query: the database's code, else the failing error's name. */
function failureCode(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  return databaseErrorCode(err) ?? (cause instanceof Error ? cause.name : 'unknown');
}
