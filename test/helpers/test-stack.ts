import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { inject } from 'vitest';
import { parseConfig } from '../../bot/config.ts';
import type { Config } from '../../bot/config.ts';
import type { Clock } from '../../bot/clock.ts';
import { createApiDeps, createCoreDeps, createInboundStore, createZaloDeps, startInboundRelayFor } from '../../bot/deps.ts';
import type { CoreDeps, ZaloDeps } from '../../bot/deps.ts';
import type { OaServices } from '../../bot/oas/oa-services.ts';
import { buildApp } from '../../bot/http/app.ts';
import { startWorkers } from '../../workers/start-workers.ts';
import type { RunningWorkers } from '../../workers/start-workers.ts';
import { startFakeZalo } from '../../scripts/local/zalo-stand-in/fake-zalo.ts';
import type { FakeZalo, FakeZaloOptions } from '../../scripts/local/zalo-stand-in/fake-zalo.ts';
import { createTestDatabase, deleteRedisPrefix, uniqueQueuePrefix } from './test-services.ts';
import type { TestDatabase } from './test-services.ts';
import { signedHeaders, testZalo, zaloEnv } from '../../scripts/local/local-zalo-credentials.ts';

export type TestStack = {
  env: Record<string, string>;
  config: Config;
  core: CoreDeps;
  zalo: ZaloDeps;
  /** The environment's OA (the test credentials), as the workers use it. */
  oa: OaServices;
  fake: FakeZalo;
  database: TestDatabase;
  app: FastifyInstance;
  baseUrl: string;
  workers: RunningWorkers | null;
  /** POSTs a webhook body as Zalo would, signed (by the test OA, or with another OA's secret key), to the real HTTP server. */
  postEvent: (event: object | string, oaSecretKey?: string) => Promise<Response>;
  /** Stops everything and drops the database, unless kept for a restart on it (`database` below). */
  close: (options?: { keepDatabase?: boolean }) => Promise<void>;
};

export type TestStackOptions = {
  workers?: boolean;
  /** A controllable clock for the app and workers (the fake Zalo keeps real time). */
  clock?: Clock;
  env?: Record<string, string>;
  fake?: Partial<FakeZaloOptions>;
  /** An earlier stack's database, kept by its `close`: this stack is that deployment restarted. Not dropped here. */
  database?: TestDatabase;
};

/**
 * The whole system for one test file: its own database and queue prefix, a fake Zalo, the real
 * HTTP server on a random port and (optionally) the real workers in this process.
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const database = options.database ?? (await createTestDatabase(inject('databaseBaseUrl'), inject('templateDatabase')));
  const fake = await startFakeZalo({ ...testZalo, ...options.fake });
  const env = testEnv(database.url, fake.url, options.env);
  const config = parseConfig(env);
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const core = createCoreDeps(config, { name: 'test', logger, ...(options.clock ? { clock: options.clock } : {}) });
  const zalo = createZaloDeps(core);
  const oa = await zalo.registry.forOa(config.zalo?.oaId ?? testZalo.oaId);
  if (!oa) throw new Error('test stack needs the OA of its ZALO_* settings');
  // The relay runs whether or not this stack's workers do: tests without workers count the jobs it queues.
  const relay = startInboundRelayFor(core);
  const app = buildApp({
    logger,
    db: core.db,
    clock: core.clock,
    oas: zalo.directory,
    webhook: config.webhook,
    storeInbound: createInboundStore(core),
    links: core.links,
    api: createApiDeps(core),
    readiness: { postgres: async () => void (await core.db.execute(sql`select 1`)), redis: () => core.queues.ping() },
  });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const workers = options.workers === false ? null : await startWorkers(core, zalo);
  // The workers' first sweep finds a fresh queue prefix, takes it for lost memory and re-hands every
  // open row at once. Tests start once that is over: a row a test writes while it runs would be
  // queued by it on its own, ahead of the job the test means to hand over.
  await workers?.sweepNow();

  return {
    env,
    config,
    core,
    zalo,
    oa,
    fake,
    database,
    app,
    baseUrl,
    workers,
    postEvent(event, oaSecretKey) {
      const body = typeof event === 'string' ? event : JSON.stringify(event);
      return fetch(`${baseUrl}/webhooks/zalo`, { method: 'POST', headers: signedHeaders(body, oaSecretKey), body });
    },
    async close(closing) {
      await workers?.close();
      await app.close();
      await relay.stop();
      await core.close();
      await fake.close();
      await deleteRedisPrefix(config.redisUrl, config.queuePrefix).catch(() => undefined);
      if (!options.database && !closing?.keepDatabase) await database.drop();
    },
  };
}

/** The environment a deployed process would have, pointed at this test's resources. */
export function testEnv(databaseUrl: string, fakeUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_URL: inject('redisUrl'),
    QUEUE_PREFIX: uniqueQueuePrefix(),
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JOB_LOCK_MS: '2000',
    SWEEP_INTERVAL_MS: '250',
    RETRY_BASE_MS: '100',
    // Tests decide when reminders and digests go out; a schedule firing mid-test would add messages.
    SCHEDULED_SENDS: 'false',
    ZALO_HTTP_TIMEOUT_MS: '2000',
    ...zaloEnv(fakeUrl),
    ...extra,
  };
}
