import type { Db } from '../../db/client.ts';
import { listenForNotifications } from '../../db/listen.ts';
import { handOverWaitingInboundEvents, inboundWaitingChannel } from '../../db/queries/inbound-events.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { createBacklogGate } from './inbound-backlog-gate.ts';

export type InboundRelayDeps = {
  db: Db;
  clock: Clock;
  /** Adds the jobs in one round trip; throws when Redis is away (see Queues.enqueueInboundBatch). */
  enqueueInboundBatch: (ids: number[]) => Promise<void>;
  /** Jobs of the inbound queue ready for a worker and not taken yet (see Queues.countInboundBacklog). */
  countInboundBacklog: () => Promise<number>;
  /** For the LISTEN connection, which cannot come from the pool. */
  databaseUrl: string;
  logger: Logger;
};

export type InboundRelayOptions = {
  /** The safety net: a pass this often even without a notification (a lost LISTEN connection, Redis back). */
  intervalMs: number;
  /** Events claimed and added to the queue per round trip. */
  batchSize: number;
  /** Passes start at least this far apart (see createPasses). */
  minGapMs: number;
  /** Hand nothing more over while the inbound queue holds this many ready jobs (see inbound-backlog-gate.ts). */
  maxBacklog: number;
  /** While the queue is full, look again this often (a draining queue wakes nobody). */
  fullRecheckMs: number;
};

/**
 * The gap is what an event may wait for its pass under load, so it sits inside every answer's time.
 * Measured end to end at 200 messages/s (the e2e bench): with 100 ms, answers took 104 ms at the
 * median and ~150 ms at p99; with 25 ms, 32-42 ms and 46-57 ms, for about 10% more worker CPU per
 * message (smaller batches). With 50 deliveries in flight (4,000-5,000/s) a pass still takes over
 * a hundred events: the relay's CPU per event was 0.088 ms against 0.072 with 100 ms (webhook bench).
 */
export const defaultRelayOptions: InboundRelayOptions = { intervalMs: 1000, batchSize: 500, minGapMs: 25, maxBacklog: 2000, fullRecheckMs: 200 };

export type InboundRelay = {
  /** Resolves once LISTEN is first in place (tests wait for it before relying on notifications). */
  listening: Promise<void>;
  /** One pass now (after the one running, if any); resolves when it is done. */
  passNow: () => Promise<void>;
  /** Stops listening, waits for the pass in flight and makes a last one. */
  stop: () => Promise<void>;
};

/**
 * Hands stored events to the queue, off the webhook's answer path. Woken by the insert trigger's
 * NOTIFY (so an event usually reaches the queue within milliseconds), and on an interval. Claims
 * are row locks with SKIP LOCKED inside the hand-over's transaction: any number of relays may run,
 * each event is claimed by one, and a failed or interrupted hand-over leaves the event waiting.
 * Job ids are the event ids, so even a repeated add makes no second job. One sender's events are
 * still handled in order: the worker takes them by id, whatever order their jobs arrive in.
 */
export function startInboundRelay(deps: InboundRelayDeps, options: InboundRelayOptions = defaultRelayOptions): InboundRelay {
  const health = relayHealthLog(deps.logger);
  const gate = createBacklogGate(deps.countInboundBacklog, options.maxBacklog, deps.logger);
  let recheck: NodeJS.Timeout | null = null;
  const handOverOnce = async () => {
    const room = await gate.room(options.batchSize);
    // Held back by the queue's backlog: more may be waiting, and a queue draining wakes nobody.
    if (room < options.batchSize) recheck ??= setTimeout(() => ((recheck = null), passes.wake('interval')), options.fullRecheckMs).unref();
    if (room === 0) {
      // The recheck looks anyway; a notification per insert meanwhile would wake this process for nothing.
      void listener.pause();
      return 0;
    }
    // Listening again before the claim: whatever commits after it is notified, so nothing waits.
    await listener.resume();
    const handed = await handOverWaitingInboundEvents(deps.db, { limit: room, now: deps.clock.now() }, deps.enqueueInboundBatch);
    gate.handedOver(handed);
    return handed;
  };
  const passes = createPasses(handOverOnce, options, health);
  const timer = setInterval(() => passes.wake('interval'), options.intervalMs);
  const { listener, listening } = listenForWaitingEvents(deps.databaseUrl, passes.wake, health);
  return {
    listening,
    passNow: passes.passNow,
    async stop() {
      clearInterval(timer);
      await listener.close();
      await passes.stop();
      // What the last requests stored goes to the queue now rather than at the next start.
      await handOverOnce().catch((err: unknown) => deps.logger.warn({ err }, 'inbound relay: last hand-over failed; the next start or the sweeper takes it'));
      if (recheck) clearTimeout(recheck);
    },
  };
}

type Health = ReturnType<typeof relayHealthLog>;

/**
 * One pass at a time, and passes at least `minGapMs` apart: a wake-up during a pass or the gap
 * after it brings one pass once the gap is over, so none is missed, and a stream of inserts (one
 * notification each) is handed over many events per pass instead of a few — a pass's round trips
 * cost as much as queueing dozens of events. A lone event after a quiet spell goes at once.
 */
function createPasses(handOverOnce: () => Promise<number>, options: InboundRelayOptions, health: Health) {
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let wanted = false;
  let stopped = false;
  let lastStart = Number.NEGATIVE_INFINITY;
  const drain = async () => {
    // A full batch means more may be waiting: go on without waiting for another wake-up.
    let full = true;
    while (full && !stopped) full = (await handOverOnce()) === options.batchSize;
  };
  const track = (pass: Promise<void>) => {
    lastStart = performance.now();
    running = pass.then(health.ok, health.failed).finally(() => {
      running = null;
      if (wanted) schedule();
    });
  };
  const schedule = () => {
    if (stopped || timer) return;
    wanted = running !== null;
    if (wanted) return;
    const wait = lastStart + options.minGapMs - performance.now();
    if (wait > 0) timer = setTimeout(() => ((timer = null), schedule()), wait);
    else track(drain());
  };
  return {
    // While Redis refuses, each insert's notification would only repeat the failure: the interval retries.
    wake: (reason: 'notify' | 'interval') => void (reason === 'notify' && health.failing() ? undefined : schedule()),
    async passNow() {
      while (running) await running;
      if (timer) clearTimeout(timer);
      timer = null;
      // Tracked like any pass, so a wake-up meanwhile waits for it instead of running beside it.
      const pass = drain();
      track(pass);
      await pass;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

function listenForWaitingEvents(databaseUrl: string, wake: (reason: 'notify' | 'interval') => void, health: Health) {
  let listened = () => {};
  const listening = new Promise<void>((resolve) => (listened = resolve));
  const listener = listenForNotifications({
    url: databaseUrl,
    channel: inboundWaitingChannel,
    onNotify: () => {
      // A pass is now due and it listens again before it looks (see handOverOnce): until then,
      // more notifications would only wake Postgres's backend and this process.
      void listener.pause();
      wake('notify');
    },
    onListening: () => {
      health.listening();
      listened();
      // Notifications sent while not listening are lost: look for what they announced.
      wake('interval');
    },
    onLost: health.listenerLost,
  });
  return { listener, listening };
}

/** One line when the relay starts failing or the listener is lost, one when it recovers: not one per pass. */
function relayHealthLog(logger: Logger) {
  let failing = false;
  let listener: 'starting' | 'listening' | 'lost' = 'starting';
  return {
    failing: () => failing,
    ok() {
      if (failing) logger.info('inbound relay: handing events to the queue again');
      failing = false;
    },
    failed(err: unknown) {
      if (!failing) logger.warn({ err }, 'inbound relay: could not hand events to the queue; retrying every interval');
      failing = true;
    },
    listening() {
      if (listener === 'lost') logger.info('inbound relay: listening for stored events again');
      listener = 'listening';
    },
    listenerLost(err: Error) {
      if (listener !== 'lost') logger.warn({ err: err.message }, 'inbound relay: no LISTEN connection; the interval hands events over until it is back');
      listener = 'lost';
    },
  };
}
