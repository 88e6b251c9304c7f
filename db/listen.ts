import pg from 'pg';

export type NotificationListener = { close: () => Promise<void> };

export type ListenOptions = {
  url: string;
  /** A fixed identifier of ours (not user input): it is written into the LISTEN statement. */
  channel: string;
  onNotify: () => void;
  /** Each time LISTEN is in place, including after a reconnect: notifications sent meanwhile were missed. */
  onListening: () => void;
  /** The connection failed or was lost; the listener reconnects by itself. */
  onLost: (err: Error) => void;
  retryMaxMs?: number;
};

/**
 * LISTENs on a connection of its own: a pooled connection goes back to the pool and would take the
 * subscription with it. Reconnects with growing delays (up to `retryMaxMs`) until closed.
 */
export function listenForNotifications(options: ListenOptions): NotificationListener {
  const retryMaxMs = options.retryMaxMs ?? 10_000;
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = 250;
  let retryTimer: NodeJS.Timeout | null = null;

  const connect = () => {
    retryTimer = null;
    if (closed) return;
    const current = openListeningClient(options, {
      // Only the latest client counts: a late event from one already given up changes nothing.
      listening: () => {
        if (client !== current) return;
        retryMs = 250;
        options.onListening();
      },
      lost: (err) => {
        if (closed || client !== current) return;
        client = null;
        options.onLost(err);
        void current.end().catch(() => undefined);
        retryTimer = setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, retryMaxMs);
      },
    });
    client = current;
  };

  connect();
  return {
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}

function openListeningClient(options: ListenOptions, events: { listening: () => void; lost: (err: Error) => void }): pg.Client {
  const client = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: 5000, keepAlive: true });
  client.on('notification', (message) => {
    if (message.channel === options.channel) options.onNotify();
  });
  client.on('error', (err) => events.lost(err));
  client.on('end', () => events.lost(new Error('connection ended')));
  client
    .connect()
    .then(() => client.query(`LISTEN "${options.channel}"`))
    .then(events.listening)
    .catch((err: unknown) => events.lost(err instanceof Error ? err : new Error(String(err))));
  return client;
}
