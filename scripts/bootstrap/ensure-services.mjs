// @ts-check
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { capture, run } from './run.mjs';

/**
 * Makes sure Postgres and Redis answer at the configured URLs. In order: use them if they answer;
 * otherwise start local servers from the Debian packages (installing the packages when running as
 * root with apt-get, unless CDT_NO_INSTALL=1); otherwise `docker compose … up -d postgres redis` (with docker-compose.dev.yml, which publishes them on 127.0.0.1) when
 * a Docker engine runs; otherwise stop and say how to get them.
 * @param {{ databaseUrl: string, redisUrl: string, root: string, log: (m: string) => void, createDatabase: boolean }} o
 */
export async function ensureServices(o) {
  const pgUrl = new URL(o.databaseUrl);
  const redisUrl = new URL(o.redisUrl);
  const pg = { host: pgUrl.hostname, port: Number(pgUrl.port || 5432) };
  const redis = { host: redisUrl.hostname, port: Number(redisUrl.port || 6379) };

  let pgUp = await answers(pg);
  let redisUp = await answers(redis);
  if (!pgUp && isLocal(pg.host)) pgUp = await startLocalPostgres(pg.port, o.log);
  if (!redisUp && isLocal(redis.host)) redisUp = await startLocalRedis(redis.port, o.root, o.log);
  if ((!pgUp || !redisUp) && (await capture('docker', ['info'], { timeoutMs: 10_000 })) !== null) {
    o.log('starting Postgres and Redis with docker compose…');
    await run('docker', ['compose', '-f', 'docker-compose.yml', '-f', 'docker-compose.dev.yml', 'up', '-d', 'postgres', 'redis']);
    pgUp = await waitFor(pg, 60_000);
    redisUp = await waitFor(redis, 60_000);
  }
  if (!pgUp || !redisUp) {
    const missing = [!pgUp && `Postgres at ${pg.host}:${pg.port}`, !redisUp && `Redis at ${redis.host}:${redis.port}`].filter(Boolean).join(' and ');
    throw new Error(
      `${missing} did not answer and could not be started here.\n` +
        '  Fix one of: set DATABASE_URL / REDIS_URL to servers that run; install the Debian packages\n' +
        '  (sudo apt-get install postgresql redis-server); or start a Docker engine so that\n' +
        '  `docker compose -f docker-compose.yml -f docker-compose.dev.yml up -d postgres redis` can run.',
    );
  }
  await ensureLogin(pgUrl, o.log);
  if (o.createDatabase) await ensureDatabase(pgUrl, o.log);
}

/** @param {{host: string, port: number}} addr @returns {Promise<boolean>} */
function answers(addr, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const socket = net.connect(addr);
    const done = (/** @type {boolean} */ ok) => (socket.destroy(), resolve(ok));
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** @param {{host: string, port: number}} addr @param {number} timeoutMs */
async function waitFor(addr, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await answers(addr)) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

/** @param {string} host */
function isLocal(host) {
  return ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host);
}

async function canInstall() {
  return process.env.CDT_NO_INSTALL !== '1' && process.getuid?.() === 0 && (await capture('apt-get', ['--version'])) !== null;
}

/** @param {string[]} packages @param {(m: string) => void} log */
async function aptInstall(packages, log) {
  if (!(await canInstall())) return false;
  log(`installing ${packages.join(', ')} from the Debian packages…`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  await capture('apt-get', ['update'], { env });
  return (await capture('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env })) !== null;
}

/** @param {number} port @param {(m: string) => void} log */
async function startLocalPostgres(port, log) {
  if ((await capture('pg_lsclusters', ['--no-header'])) === null && !(await aptInstall(['postgresql'], log))) return false;
  const listing = (await capture('pg_lsclusters', ['--no-header'])) ?? '';
  const clusters = listing
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => c.length >= 4);
  const onPort = clusters.find((c) => Number(c[2]) === port);
  if (onPort) {
    log(`starting the local Postgres cluster ${onPort[0]}/${onPort[1]}…`);
    await capture('pg_ctlcluster', ['--skip-systemctl-redirect', String(onPort[0]), String(onPort[1]), 'start']);
  } else {
    const version = clusters[0]?.[0] ?? (await installedPostgresVersion());
    if (!version) return false;
    log(`creating a Postgres ${version} cluster on port ${port}…`);
    await capture('pg_createcluster', ['--start', '-p', String(port), version, `cdt${port}`]);
  }
  return waitFor({ host: '127.0.0.1', port }, 30_000);
}

async function installedPostgresVersion() {
  const out = await capture('ls', ['/usr/lib/postgresql']);
  return out?.split('\n').filter(Boolean).sort().at(-1) ?? null;
}

/** @param {number} port @param {string} root @param {(m: string) => void} log */
async function startLocalRedis(port, root, log) {
  if ((await capture('redis-server', ['--version'])) === null && !(await aptInstall(['redis-server'], log))) return false;
  const dir = path.join(root, '.data', 'redis');
  mkdirSync(dir, { recursive: true });
  log(`starting a local Redis on port ${port} (data in .data/redis)…`);
  // Same settings as production: durable AOF and no eviction, which BullMQ requires.
  await capture('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--daemonize', 'yes', '--dir', dir, '--appendonly', 'yes', '--maxmemory-policy', 'noeviction']);
  return waitFor({ host: '127.0.0.1', port }, 15_000);
}

/**
 * A freshly installed Debian Postgres asks for a password on TCP. When the URL's user cannot log in
 * and the server is ours, set that user up with the URL's password through the local socket.
 * @param {URL} url @param {(m: string) => void} log
 */
async function ensureLogin(url, log) {
  const error = await tryConnect(url, 'postgres');
  if (!error) return;
  if (!/password|authentication/i.test(error) || !isLocal(url.hostname)) throw new Error(`cannot log in to Postgres: ${error}`);
  const user = decodeURIComponent(url.username || 'postgres');
  const password = decodeURIComponent(url.password);
  if (!password) throw new Error(`Postgres wants a password for ${user}; put one in DATABASE_URL`);
  log(`setting the password of Postgres role "${user}" from DATABASE_URL…`);
  const quoted = password.replace(/'/g, "''");
  const sql = `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${user.replace(/'/g, "''")}') THEN CREATE ROLE "${user}" LOGIN SUPERUSER; END IF; END $$; ALTER ROLE "${user}" WITH LOGIN PASSWORD '${quoted}';`;
  const ok = await capture('runuser', ['-u', 'postgres', '--', 'psql', '-p', url.port || '5432', '-v', 'ON_ERROR_STOP=1', '-c', sql]);
  if (ok === null || (await tryConnect(url, 'postgres'))) throw new Error(`cannot log in to Postgres as ${user}: ${error}`);
}

/** @param {URL} url @param {(m: string) => void} log */
async function ensureDatabase(url, log) {
  const name = decodeURIComponent(url.pathname.slice(1));
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      log(`creating database ${name}…`);
      await admin.query(`create database "${name.replace(/"/g, '""')}"`);
    }
  } finally {
    await admin.end();
  }
}

/** @param {URL} url @param {string} database @returns {Promise<string | null>} */
async function tryConnect(url, database) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: withDatabase(url, database), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** @param {URL} url @param {string} name */
function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
