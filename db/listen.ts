import pg from 'pg';

export type NotificationListener = {
  /**
   * Stops notifications until `resume`: for a caller that will look anyway (a pass is already due),
   * each one would only wake its Postgres backend and this process for nothing. Resolves once
   * UNLISTEN is in place (callers need not wait: what arrives meanwhile is only one more wake-up).
   */
  pause: () => Promise<void>;
  /**
   * Listens again; resolves once LISTEN is in place (at once when it already is, or when there is no
   * connection: `onListening` tells when one is back). Whatever commits after that is notified, so
   * a caller that looks after this resolves misses nothing.
   */
  resume: () => Promise<void>;
  close: () => Promise<void>;
};

export type ListenOptions = {
  url: string;
  /** A fixed identifier of ours (not user input): it is written into the LISTEN statement. */
  channel: string;
  /** With the notification's payload (the relay's carries none). */
  onNotify: (payload: string) => void;
  /** Each time LISTEN is in place, including after a reconnect: notifications sent meanwhile were missed. */
  onListening: () => void;
  /** The connection failed or was lost; the listener reconnects by itself. */
  onLost: (err: Error) => void;
  retryMaxMs?: number;
};

/**
 * LISTENs on a connection of its own: a pooled connection goes back to the pool and would take the
 * subscription with it. Reconnects with growing delays (up to `retryMaxMs`) until closed; a new
 * connection listens whether or not the last one was paused.
 */
export function listenForNotifications(options: ListenOptions): NotificationListener {
  const retryMaxMs = options.retryMaxMs ?? 10_000;
  let current: ListeningClient | null = null;
  let closed = false;
  let retryMs = 250;
  let retryTimer: NodeJS.Timeout | null = null;

  const connect = () => {
    retryTimer = null;
    if (closed) return;
    const opened: ListeningClient = openListeningClient(options, {
      // Only the latest client counts: a late event from one already given up changes nothing.
      listening: () => {
        if (current !== opened) return;
        retryMs = 250;
        options.onListening();
      },
      lost: (err) => {
        if (closed || current !== opened) return;
        current = null;
        options.onLost(err);
        void opened.client.end().catch(() => undefined);
        retryTimer = setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, retryMaxMs);
      },
    });
    current = opened;
  };

  connect();
  return {
    pause: () => current?.pause() ?? Promise.resolve(),
    resume: () => current?.resume() ?? Promise.resolve(),
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const client = current?.client;
      current = null;
      await client?.end().catch(() => undefined);
    },
  };
}

type ListeningClient = { client: pg.Client; pause: () => Promise<void>; resume: () => Promise<void> };

function openListeningClient(options: ListenOptions, events: { listening: () => void; lost: (err: Error) => void }): ListeningClient {
  const client = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: 5000, keepAlive: true });
  client.on('notification', (message) => {
    if (message.channel === options.channel) options.onNotify(message.payload ?? '');
  });
  client.on('error', (err) => events.lost(err));
  client.on('end', () => events.lost(new Error('connection ended')));
  const listen = `LISTEN "${options.channel}"`;
  // Each statement waits for the one before, so the last one asked for decides, even before connecting.
  let last: Promise<void> = client
    .connect()
    .then(() => client.query(listen))
    .then(events.listening)
    .catch((err: unknown) => events.lost(err instanceof Error ? err : new Error(String(err))));
  let listening = true;
  const listenOrNot = (wanted: boolean) => {
    if (listening === wanted) return last;
    listening = wanted;
    const statement = wanted ? listen : `UN${listen}`;
    // A failed statement means a lost connection, which `lost` handles (and a new one listens).
    last = last.then(() => client.query(statement).then(() => undefined, () => undefined));
    return last;
  };
  return { client, pause: () => listenOrNot(false), resume: () => listenOrNot(true) };
}
