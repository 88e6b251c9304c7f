import { createDb } from '../db/client.ts';
import type { Db, DbHandle, ReadDb } from '../db/client.ts';
import type { Clock } from './clock.ts';
import { systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { createSecretBox, deriveDataKey } from './crypto/secret-box.ts';
import { developmentKeyWarning } from './crypto/data-key.ts';
import { createLinkSigner } from './crypto/signed-links.ts';
import { createAppSessions } from './crypto/app-sessions.ts';
import type { AppSessions } from './crypto/app-sessions.ts';
import type { LinkSigner } from './crypto/signed-links.ts';
import type { SecretBox } from './crypto/secret-box.ts';
import type { MessageTransport } from './domain/outbox/message-transport.ts';
import { createQueues } from './jobs/queues.ts';
import type { Queues } from './jobs/queues.ts';
import { createLogger } from './logger.ts';
import type { RootLogger } from './logger.ts';
import { createWeekChartPictures } from './chat/digest/week-chart-pictures.ts';
import { createOaDirectory } from './oas/oa-directory.ts';
import type { OaDirectory } from './oas/oa-directory.ts';
import { createOaServiceRegistry } from './oas/oa-services.ts';
import type { OaServiceRegistry } from './oas/oa-services.ts';
import { createRoutedGmfSender, createRoutedOaTransport } from './oas/routed-senders.ts';
import { createGroupTransport } from './zalo/group-transport.ts';
import type { GroupSender } from './zalo/group-sender.ts';
import type { OutboundRow } from '../db/queries/outbound-messages.ts';
import { createGraphClient } from './zalo/graph-client.ts';
import type { ApiDeps } from './http/api/api-deps.ts';
import { reportLinkDays } from './chat/digest/report-links.ts';
import { handOverOutbox } from './pipeline/hand-over-outbox.ts';
import { createSendPlanner } from './pipeline/plan-sends.ts';
import type { SendPlanner } from './pipeline/plan-sends.ts';
import { createSendSlots } from './pipeline/send-slots.ts';
import { routeOptions } from './pipeline/send-routes.ts';
import { insertInboundEvents } from '../db/queries/inbound-events.ts';
import { createInboundEventBatcher } from './pipeline/inbound-event-batcher.ts';
import type { StoreInboundEvent } from './pipeline/inbound-event-batcher.ts';
import { defaultRelayOptions, startInboundRelay } from './pipeline/inbound-relay.ts';
import type { InboundRelay, InboundRelayOptions } from './pipeline/inbound-relay.ts';
import { databaseErrorCode } from '../db/error-code.ts';

/** What every process needs: config, logger, clock, Postgres and the queue producers. */
export type CoreDeps = {
  config: Config;
  logger: RootLogger;
  clock: Clock;
  dbHandle: DbHandle;
  db: Db;
  /** For the leaders' read-heavy views only (digests, monthly report, dashboard): the replica when configured. */
  readDb: ReadDb;
  queues: Queues;
  secretBox: SecretBox;
  /** Spaces send jobs at their OA's rate as they are handed over (bot/pipeline/plan-sends.ts). */
  planSends: SendPlanner;
  /** Signs links that open without a login (the monthly report's download). */
  links: LinkSigner;
  /** Issues and reads Mini App sessions. */
  appSessions: AppSessions;
  close: () => Promise<void>;
};

/** The Zalo side: every OA this deployment serves (bot/oas), and senders that pick a row's OA. */
export type ZaloDeps = {
  directory: OaDirectory;
  registry: OaServiceRegistry;
  oaTransport: MessageTransport;
  gmf: GroupSender;
};

export type Transports = Partial<Record<OutboundRow['channel'], MessageTransport>>;

/** The composition root: the one place where implementations are chosen and wired. */
export function createCoreDeps(config: Config, options: { name: string; clock?: Clock; logger?: RootLogger }): CoreDeps {
  const logger = options.logger ?? createLogger({ level: config.logLevel, name: options.name, sync: config.logSync });
  const dbHandle = createDb(config.databaseUrl, {
    replicaUrl: config.databaseReplicaUrl,
    preparedStatements: config.databasePreparedStatements,
    onConnectionError: (err) => logger.warn({ code: databaseErrorCode(err) ?? err.name }, 'a Postgres connection was lost; the query in flight fails and is retried'),
  });
  const queues = createQueues({ redisUrl: config.redisUrl, redisClusterNodes: config.redisClusterNodes, prefix: config.queuePrefix, retryBaseMs: config.retryBaseMs, logger });
  const dataKey = deriveDataKey(config.dataEncryptionKey);
  // The development login already marks a throwaway local set-up (refused with real Zalo or in production).
  if (!config.dataEncryptionKey && !config.miniapp.devLogin) logger.warn(developmentKeyWarning);
  const secretBox = createSecretBox(dataKey);
  return {
    config,
    logger,
    clock: options.clock ?? systemClock,
    dbHandle,
    db: dbHandle.db,
    readDb: dbHandle.readDb,
    queues,
    planSends: createSendPlanner({
      db: dbHandle.db,
      slots: createSendSlots(queues.connection, { keyPrefix: config.queuePrefix, ledger: 'planned', whenConnected: queues.whenConnected }),
      routes: routeOptions(config),
    }),
    secretBox,
    links: createLinkSigner(dataKey),
    appSessions: createAppSessions(dataKey),
    async close() {
      await queues.close();
      await dbHandle.close();
    },
  };
}

/** The OAs of the deployment, kept in memory (the environment's OA is saved as the first row). */
export function createOaDirectoryFor(core: CoreDeps): OaDirectory {
  return createOaDirectory({ db: core.db, box: core.secretBox, clock: core.clock, logger: core.logger.child({ component: 'oa-directory' }), config: core.config });
}

export function createZaloDeps(core: CoreDeps, directory: OaDirectory = createOaDirectoryFor(core)): ZaloDeps {
  const registry = createOaServiceRegistry({
    db: core.db,
    box: core.secretBox,
    clock: core.clock,
    logger: core.logger,
    config: core.config,
    directory,
    pictures: createWeekChartPictures(core),
  });
  return { directory, registry, oaTransport: createRoutedOaTransport(registry), gmf: createRoutedGmfSender(registry) };
}

/**
 * How each outbox channel is delivered by a process. The workers send through the OA (residents
 * and GMF groups) and hand zca-js groups to the groups process; the groups process does the
 * reverse. `zca` is given only in the groups process.
 */
export function createTransports(core: CoreDeps, zalo: ZaloDeps | null, zca: GroupSender | null = null): Transports {
  const senders = { ...(zalo ? { gmf: zalo.gmf } : {}), ...(zca ? { zca } : {}) };
  const handoff = zca ? { gmf: 'outbound' as const } : { zca: 'zca-outbound' as const };
  return {
    ...(zalo ? { oa_user: zalo.oaTransport } : {}),
    team_group: createGroupTransport({ db: core.db, recipients: 'team', senders, handoff }),
    zalo_group: createGroupTransport({ db: core.db, recipients: 'direct', senders, handoff }),
  };
}

/** The webhook's batched store (bot/pipeline/inbound-event-batcher.ts), for the process serving the webhook. */
export function createInboundStore(core: CoreDeps): StoreInboundEvent {
  return createInboundEventBatcher({ insert: (rows) => insertInboundEvents(core.dbHandle.pool, rows), logger: core.logger });
}

/** The relay that hands stored events to the queue (bot/pipeline/inbound-relay.ts); stop it before closing `core`. */
export function startInboundRelayFor(core: CoreDeps, options: InboundRelayOptions = { ...defaultRelayOptions, maxBacklog: core.config.inboundQueueMaxBacklog }): InboundRelay {
  const { queues } = core;
  return startInboundRelay(
    { db: core.db, clock: core.clock, enqueueInboundBatch: queues.enqueueInboundBatch, countInboundBacklog: queues.countInboundBacklog, databaseUrl: core.config.databaseUrl, logger: core.logger },
    options,
  );
}

/** The Mini App API's dependencies, from the core ones. */
export function createApiDeps(core: CoreDeps): ApiDeps {
  const { config } = core;
  const appSecret = config.miniapp.appSecret;
  return {
    db: core.db,
    readDb: core.readDb,
    clock: core.clock,
    sessions: core.appSessions,
    graph: appSecret ? createGraphClient({ graphUrl: config.zaloUrls.graphUrl, appSecret, timeoutMs: config.zaloUrls.httpTimeoutMs }) : null,
    config: config.miniapp,
    handOver: (ids) => handOverOutbox(core, ids, core.logger),
    signedDownload: (path, now) => `${config.publicBaseUrl ?? ''}${core.links.sign(path, new Date(now.getTime() + reportLinkDays * 86_400_000))}`,
    digestGraceDays: config.digestGraceDays,
  };
}
