import net from 'node:net';
import type { AddressInfo } from 'node:net';

export type TcpProxy = {
  port: number;
  url: (scheme: string) => string;
  /** Like the server stopping: existing connections are cut and new ones refused. */
  stop: () => Promise<void>;
  /** Like the server coming back on the same port. */
  start: () => Promise<void>;
  close: () => Promise<void>;
};

/**
 * A TCP pass-through to a real server (Redis, Postgres) that a test can switch off and on, so an
 * outage can be staged without stopping the shared server other test files are using.
 * `handshakeDelayMs`: each new connection is accepted at once but passes nothing for that long,
 * like a server slow to answer while a process starts (what a client sends meanwhile waits).
 */
export async function startTcpProxy(target: { host: string; port: number }, options: { handshakeDelayMs?: number } = {}): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(target);
        sockets.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        const connect = () => client.pipe(upstream).pipe(client);
        if (options.handshakeDelayMs) setTimeout(connect, options.handshakeDelayMs);
        else connect();
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });

  await listen();
  return { port, url: (scheme) => `${scheme}://127.0.0.1:${port}`, stop, start: listen, close: stop };
}
