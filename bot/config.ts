import { existsSync } from 'node:fs';
import { z } from 'zod';

/**
 * The only reader of the environment. Parsed once at start-up; a bad value stops the process with
 * the variable's name, instead of failing later in a request.
 */

const url = z.url();
const positiveInt = z.coerce.number().int().positive();

const zaloKeys = [
  'ZALO_APP_ID',
  'ZALO_APP_SECRET',
  'ZALO_OA_ID',
  'ZALO_OA_SECRET_KEY',
  'ZALO_OA_REFRESH_TOKEN',
] as const;

const envSchema = z.object({
  DATABASE_URL: url.default('postgres://postgres:postgres@127.0.0.1:5432/cdt'),
  /** A read replica of DATABASE_URL for the leaders' digests and dashboard; unset: they read the primary. */
  DATABASE_REPLICA_URL: url.optional(),
  /** Prepare the per-message statements once per connection; false behind a transaction-mode pooler that cannot keep them. */
  DATABASE_PREPARED_STATEMENTS: z.stringbool().default(true),
  REDIS_URL: url.default('redis://127.0.0.1:6379'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How `npm start` shows its processes' logs; default: readable in a terminal, JSON otherwise. */
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  /** Write each log line before going on instead of in batches (see bot/log-destination.ts). */
  LOG_SYNC: z.stringbool().default(false),
  /** Where `GET /` sends a browser (local mode: the simulator). Unset: a short status page. */
  HOME_URL: url.optional(),
  /** Local mode's simulator; default PORT + 1. */
  SIMULATOR_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** `cdt`, or with a Redis Cluster hash tag (`{cdt}`, `cdt:{p1}`) so every queue key is in one slot. */
  /** A Redis Cluster's nodes (host:port, comma separated); REDIS_URL then only gives the password. */
  REDIS_CLUSTER_NODES: z
    .string()
    .regex(/^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/, 'host:port pairs separated by commas')
    .optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9:-]*(\{[a-z0-9:-]+\})?[a-z0-9:-]*$/, 'use lower-case letters, digits, "-" and ":", with at most one non-empty {hash tag} and no other braces')
    .default('cdt'),
  ZALO_APP_ID: z.string().min(1).optional(),
  ZALO_APP_SECRET: z.string().min(1).optional(),
  ZALO_OA_ID: z.string().min(1).optional(),
  ZALO_OA_SECRET_KEY: z.string().min(1).optional(),
  ZALO_OA_REFRESH_TOKEN: z.string().min(1).optional(),
  ZALO_OPENAPI_URL: url.default('https://openapi.zalo.me'),
  ZALO_OAUTH_URL: url.default('https://oauth.zaloapp.com'),
  ZALO_GRAPH_URL: url.default('https://graph.zalo.me'),
  ZALO_HTTP_TIMEOUT_MS: positiveInt.default(10_000),
  ZALO_WEBHOOK_MAC_COMPAT: z.stringbool().default(false),
  WEBHOOK_MAX_EVENT_AGE_MIN: positiveInt.default(1440),
  DATA_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)')
    .optional(),
  // Zalo's documented OA API limit is 4,000 requests a minute per OA (about 66.7/s; past it Zalo
  // answers -32, which we treat as "retry later"). Sends get 60/s, leaving the rest of the quota for
  // token refreshes, image uploads and the history checks that reconcile sends in doubt.
  OUTBOUND_RATE_PER_SEC: positiveInt.default(60),
  COMMUNE_CODE: z.string().min(1).default('demo-xa'),
  ZCA_SEND_INTERVAL_MS: positiveInt.default(3000),
  ZCA_RECONNECT_MAX_MS: positiveInt.default(300_000),
  PUBLIC_BASE_URL: url.optional(),
  TOKEN_REFRESH_MARGIN_MIN: positiveInt.default(240),
  JOB_LOCK_MS: positiveInt.default(15_000),
  SWEEP_INTERVAL_MS: positiveInt.default(10_000),
  INBOUND_QUEUE_MAX_BACKLOG: positiveInt.default(2000),
  RETRY_BASE_MS: positiveInt.default(1000),
  UNVERIFIED_RESEND_AFTER_SEC: positiveInt.default(600),
  /** Six-field cron (seconds first), Vietnam time. */
  DIGEST_CRON: z.string().regex(/^(\S+\s+){5}\S+$/, 'six cron fields, seconds first').default('0 30 7 * * 1'),
  DIGEST_ONTIME_GRACE_DAYS: z.coerce.number().int().min(0).max(14).default(1),
  SCHEDULED_SENDS: z.stringbool().default(true),
  MONTHLY_REPORT_DAY: z.coerce.number().int().min(1).max(31).default(25),
  QUIET_HOURS: z
    .string()
    .regex(/^([01]?\d|2[0-3])-([01]?\d|2[0-3])$/, 'two hours like 21-7')
    .default('21-7'),
  NODE_ENV: z.string().optional(),
  /** Local development only: a picker to log in to the Mini App as any member, without Zalo. */
  MINIAPP_DEV_LOGIN: z.stringbool().default(false),
  /** The secret of the Zalo app the Mini App belongs to (for appsecret_proof); default ZALO_APP_SECRET. */
  MINIAPP_APP_SECRET: z.string().min(1).optional(),
  MINIAPP_SESSION_MINUTES: positiveInt.default(720),
  MINIAPP_RATE_LIMIT_PER_MIN: positiveInt.default(120),
  /** The built Mini App served at /miniapp/ (npm run build:miniapp). */
  MINIAPP_DIR: z.string().min(1).default('miniapp/www'),
});

export type ZaloConfig = {
  appId: string;
  appSecret: string;
  oaId: string;
  oaSecretKey: string;
  initialRefreshToken: string;
  openApiUrl: string;
  oauthUrl: string;
  graphUrl: string;
  httpTimeoutMs: number;
  /** Also accept the minority signature readings (oa_id first, or the app secret); see README. */
  webhookMacCompat: boolean;
  /** An event older than this (by its own timestamp) is stored as ignored: a reply would come too late. */
  maxEventAgeMs: number;
};

export type Config = {
  databaseUrl: string;
  /** Null: reads go to the primary. */
  databaseReplicaUrl: string | null;
  /** See db/prepared-statements.ts. */
  databasePreparedStatements: boolean;
  redisUrl: string;
  /** Null: one Redis at `redisUrl`. */
  redisClusterNodes: { host: string; port: number }[] | null;
  port: number;
  host: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Null: decided by whether the output is a terminal. */
  logFormat: 'json' | 'pretty' | null;
  /** One write per log line; default: batched, at the latest every 250 ms. */
  logSync: boolean;
  /** NODE_ENV=production: development conveniences (local mode, the dev login) are refused. */
  production: boolean;
  homeUrl: string | null;
  simulatorPort: number;
  queuePrefix: string;
  /** Null until every ZALO_* credential is set: the bot then runs but cannot talk to Zalo. */
  zalo: ZaloConfig | null;
  zaloUrls: { openApiUrl: string; oauthUrl: string; graphUrl: string; httpTimeoutMs: number };
  /** How the webhook checks events, for every OA. */
  webhook: { macCompat: boolean; maxEventAgeMs: number };
  dataEncryptionKey: string | null;
  outboundRatePerSec: number;
  /** Org-unit code of the commune this OA serves: help requests go to its teams. */
  communeCode: string;
  /** Minimum gap between two messages sent by the personal group account (zca-js). */
  zcaSendIntervalMs: number;
  zcaReconnectMaxMs: number;
  /** Public HTTPS address of the bot, when known (Zalo fetches our card images from it). */
  publicBaseUrl: string | null;
  tokenRefreshMarginMs: number;
  jobLockMs: number;
  sweepIntervalMs: number;
  /** Stored events are handed to the queue only while it holds fewer jobs than this (the rest wait in Postgres). */
  inboundQueueMaxBacklog: number;
  retryBaseMs: number;
  /** How long a send in doubt may stay impossible to check before its kind's policy decides. */
  unverifiedResendAfterMs: number;
  /** When the weekly digest goes to each commune's leaders' group (cron, Asia/Ho_Chi_Minh). */
  digestCron: string;
  /** Days after a week's Sunday a report still counts as on time. */
  digestGraceDays: number;
  /** Whether the reminder sweep, the weekly digest and the monthly report run on their schedules. */
  scheduledSends: boolean;
  /** Day of the month the teams' monthly numbers are due (the reminder ladder turns around it). */
  monthlyReportDay: number;
  /** No reminder is sent from `startHour` until `endHour` (Vietnam time). */
  quietHours: { startHour: number; endHour: number };
  miniapp: MiniAppConfig;
};

export type MiniAppConfig = {
  /** The development identity picker; never on in production (parseConfig refuses it). */
  devLogin: boolean;
  /** Null when no Zalo app is configured: then only the development login can work. */
  appSecret: string | null;
  sessionMs: number;
  rateLimitPerMin: number;
  dir: string;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment (normally `process.env`) into a Config, or throws naming what is wrong. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = envSchema.safeParse(stripEmpty(env));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n  ${lines.join('\n  ')}`);
  }
  const e = result.data;
  const zaloUrls = {
    openApiUrl: trimSlash(e.ZALO_OPENAPI_URL),
    oauthUrl: trimSlash(e.ZALO_OAUTH_URL),
    graphUrl: trimSlash(e.ZALO_GRAPH_URL),
    httpTimeoutMs: e.ZALO_HTTP_TIMEOUT_MS,
  };
  const config: Config = {
    databaseUrl: e.DATABASE_URL,
    databaseReplicaUrl: e.DATABASE_REPLICA_URL ?? null,
    databasePreparedStatements: e.DATABASE_PREPARED_STATEMENTS,
    redisUrl: e.REDIS_URL,
    redisClusterNodes: parseClusterNodes(e),
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? null,
    logSync: e.LOG_SYNC,
    production: e.NODE_ENV === 'production',
    homeUrl: e.HOME_URL ?? null,
    simulatorPort: e.SIMULATOR_PORT ?? (e.PORT === 0 ? 0 : e.PORT + 1),
    queuePrefix: e.QUEUE_PREFIX,
    zalo: parseZalo(e, zaloUrls),
    zaloUrls,
    webhook: { macCompat: e.ZALO_WEBHOOK_MAC_COMPAT, maxEventAgeMs: e.WEBHOOK_MAX_EVENT_AGE_MIN * 60_000 },
    dataEncryptionKey: e.DATA_ENCRYPTION_KEY ?? null,
    outboundRatePerSec: e.OUTBOUND_RATE_PER_SEC,
    communeCode: e.COMMUNE_CODE,
    zcaSendIntervalMs: e.ZCA_SEND_INTERVAL_MS,
    zcaReconnectMaxMs: e.ZCA_RECONNECT_MAX_MS,
    publicBaseUrl: e.PUBLIC_BASE_URL ? trimSlash(e.PUBLIC_BASE_URL) : null,
    tokenRefreshMarginMs: e.TOKEN_REFRESH_MARGIN_MIN * 60_000,
    jobLockMs: e.JOB_LOCK_MS,
    sweepIntervalMs: e.SWEEP_INTERVAL_MS,
    inboundQueueMaxBacklog: e.INBOUND_QUEUE_MAX_BACKLOG,
    retryBaseMs: e.RETRY_BASE_MS,
    unverifiedResendAfterMs: e.UNVERIFIED_RESEND_AFTER_SEC * 1000,
    digestCron: e.DIGEST_CRON,
    digestGraceDays: e.DIGEST_ONTIME_GRACE_DAYS,
    scheduledSends: e.SCHEDULED_SENDS,
    monthlyReportDay: e.MONTHLY_REPORT_DAY,
    quietHours: { startHour: Number(e.QUIET_HOURS.split('-')[0]), endHour: Number(e.QUIET_HOURS.split('-')[1]) },
    miniapp: parseMiniApp(e, zaloUrls.graphUrl),
  };
  // After the checks above, so a development convenience turned on in production is named first.
  requireDataKeyInProduction(e);
  return config;
}

/**
 * BullMQ's scripts touch several keys of a queue at once, which a cluster allows only within one
 * slot: without a hash tag in QUEUE_PREFIX every job would fail with CROSSSLOT, so refuse at start.
 */
function parseClusterNodes(e: z.infer<typeof envSchema>): { host: string; port: number }[] | null {
  if (!e.REDIS_CLUSTER_NODES) return null;
  if (!e.QUEUE_PREFIX.includes('{')) {
    throw new ConfigError('Invalid environment:\n  QUEUE_PREFIX: a Redis Cluster (REDIS_CLUSTER_NODES) needs a hash tag in the prefix, e.g. {cdt}');
  }
  return e.REDIS_CLUSTER_NODES.split(',').map((node) => {
    const at = node.lastIndexOf(':');
    return { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
  });
}

/** Production never runs on the public development key (bot/crypto/data-key.ts). */
function requireDataKeyInProduction(e: z.infer<typeof envSchema>): void {
  if (e.NODE_ENV !== 'production' || e.DATA_ENCRYPTION_KEY) return;
  throw new ConfigError(
    [
      'Invalid environment:',
      '  DATA_ENCRYPTION_KEY: required when NODE_ENV is production (it seals OA tokens and secrets at rest).',
      '    Make one with `openssl rand -hex 32`, keep it secret and keep a copy outside the server.',
      '    A deployment that ran without it (the key was derived from the Zalo secrets): set it, then run',
      '    `npm run data-key:rotate -- --from-derived` once before starting (README: "Rotating the data key").',
    ].join('\n'),
  );
}

/** Real Zalo's Graph API: a deployment that talks to it is a real one, whatever NODE_ENV says. */
const realGraphHost = 'graph.zalo.me';

function parseMiniApp(e: z.infer<typeof envSchema>, graphUrl: string): MiniAppConfig {
  if (e.MINIAPP_DEV_LOGIN) {
    const real = e.NODE_ENV === 'production' ? 'NODE_ENV is production' : e.ZALO_APP_SECRET && new URL(graphUrl).hostname === realGraphHost ? 'real Zalo credentials are set' : null;
    if (real) throw new ConfigError(`Invalid environment:\n  MINIAPP_DEV_LOGIN: the development login cannot be on when ${real}`);
  }
  return {
    devLogin: e.MINIAPP_DEV_LOGIN,
    appSecret: e.MINIAPP_APP_SECRET ?? e.ZALO_APP_SECRET ?? null,
    sessionMs: e.MINIAPP_SESSION_MINUTES * 60_000,
    rateLimitPerMin: e.MINIAPP_RATE_LIMIT_PER_MIN,
    dir: e.MINIAPP_DIR,
  };
}

/**
 * Reads the environment once. A `.env` file in the working directory fills in variables that are
 * not already set (the real environment always wins), so every entry point and script sees it.
 */
export function loadConfig(): Config {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return parseConfig(process.env);
}

function parseZalo(e: z.infer<typeof envSchema>, urls: Config['zaloUrls']): ZaloConfig | null {
  const missing = zaloKeys.filter((k) => !e[k]);
  if (missing.length === zaloKeys.length) return null;
  const value = (key: (typeof zaloKeys)[number]): string => {
    const v = e[key];
    if (!v) {
      const lines = missing.map((k) => `${k}: required together with the other ZALO_* credentials`);
      throw new ConfigError(`Invalid environment:\n  ${lines.join('\n  ')}`);
    }
    return v;
  };
  return {
    appId: value('ZALO_APP_ID'),
    appSecret: value('ZALO_APP_SECRET'),
    oaId: value('ZALO_OA_ID'),
    oaSecretKey: value('ZALO_OA_SECRET_KEY'),
    initialRefreshToken: value('ZALO_OA_REFRESH_TOKEN'),
    ...urls,
    webhookMacCompat: e.ZALO_WEBHOOK_MAC_COMPAT,
    maxEventAgeMs: e.WEBHOOK_MAX_EVENT_AGE_MIN * 60_000,
  };
}

/** `FOO=` in a .env file means "not set", not "set to the empty string". */
function stripEmpty(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((kv): kv is [string, string] => kv[1] !== undefined && kv[1] !== ''));
}

function trimSlash(u: string): string {
  return u.replace(/\/+$/, '');
}
