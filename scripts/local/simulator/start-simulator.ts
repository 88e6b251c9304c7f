import Fastify from 'fastify';
import type { LocalScenario } from '../local-scenario.ts';
import type { FakeZalo } from '../zalo-stand-in/fake-zalo.ts';
import { simulatorPageRoutes } from './page-routes.ts';
import { createFeed } from './simulator-feed.ts';
import { simulatorApiRoutes } from './simulator-routes.ts';

/**
 * How the launcher starts the simulator.
 *
 * - `port`: where it listens; 0 takes a free port (the returned `url` tells which).
 * - `host`: the interface to bind, e.g. '127.0.0.1', or '0.0.0.0' to try it from a phone on the LAN.
 * - `botUrl`: the bot's base URL, no trailing slash; every action is one signed POST to
 *   `${botUrl}/webhooks/zalo`.
 * - `standIn`: the Zalo stand-in the bot sends to. Its `state.delivered` and `state.uploads` are all
 *   the page shows of the bot's side. The scenario's groups are added to `state.gmfGroups` (the OA is
 *   in them, as it is in groups created with Zalo's GMF), unless already there.
 * - `credentials`: the app id, OA id and OA Secret Key the bot is configured with, to sign events
 *   (`testZalo` from scripts/local/local-zalo-credentials.ts in local mode).
 * - `scenario`: who can be played, from `buildLocalScenario(db)` after seeding and linking groups.
 * - `miniappUrl`: the Mini App (`${bot}/miniapp/`, on host `localhost`, where zmp-sdk answers with its
 *   own mocks), shown at phone width; null shows how to build it instead.
 */
export type SimulatorOptions = {
  port: number;
  host: string;
  botUrl: string;
  standIn: Pick<FakeZalo, 'state'>;
  credentials: { appId: string; oaId: string; oaSecretKey: string };
  scenario: LocalScenario;
  miniappUrl: string | null;
};

export type RunningSimulator = {
  /** Where to open the page: `${url}/simulator` (`${url}/` redirects there). */
  url: string;
  close: () => Promise<void>;
};

/**
 * The local simulator: a Vietnamese page that plays residents and team members. It is only a
 * client of the bot: it sends signed webhook events and shows what the bot sent to the stand-in;
 * it never touches the database or the bot's internals.
 */
export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const { standIn, scenario, credentials } = options;
  for (const group of scenario.groups) if (!standIn.state.gmfGroups.has(group.groupId)) standIn.state.gmfGroups.set(group.groupId, true);
  const app = Fastify({ logger: false });
  const oaName = `OA ${scenario.commune.name}`;
  const feed = createFeed(standIn.state.delivered, oaName);
  const botUrl = options.botUrl.replace(/\/+$/, '');
  // Routes are registered before listening; the port (when 0 was asked) is known only after.
  let url = '';
  simulatorPageRoutes(app, standIn.state);
  simulatorApiRoutes(app, { botUrl, oaName, keys: credentials, scenario, feed, ownUrl: () => url, miniappUrl: options.miniappUrl });
  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address();
  url = `http://${browsableHost(options.host)}:${typeof address === 'object' && address ? address.port : options.port}`;
  return { url, close: () => app.close() };
}

/** An address a browser can open: a wildcard bind is reached as localhost, IPv6 in brackets. */
function browsableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
