import { spawn, execFile } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../helpers/node-process.ts';

const run = promisify(execFile);

/**
 * Postgres and Redis instances of the fault suite's own, on free ports, so that stopping and
 * killing them never disturbs anything else on the machine. Postgres comes from the Debian
 * package's binaries (the same ones `npm test` installs when missing); Redis runs without
 * persistence, so a restart really comes back empty.
 */
export type OwnPostgres = { url: (database: string) => string; stopFast: () => Promise<void>; start: () => Promise<void>; remove: () => Promise<void> };
export type OwnRedis = { url: string; kill: () => Promise<void>; start: () => Promise<void>; remove: () => Promise<void> };

function postgresBin(name: string): string {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (!version) throw new Error('Postgres binaries not found under /usr/lib/postgresql (Debian package "postgresql")');
  return path.join(root, version, 'bin', name);
}

/** Postgres refuses to run as root: run its tools as the `postgres` user then. */
async function asPostgresUser(bin: string, args: string[]): Promise<void> {
  const isRoot = process.getuid?.() === 0;
  await run(isRoot ? 'runuser' : bin, isRoot ? ['-u', 'postgres', '--', bin, ...args] : args, { timeout: 60_000 });
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cdt-faults-pg-'));
  chmodSync(dir, 0o777);
  const data = path.join(dir, 'data');
  const port = await freePort();
  if (process.getuid?.() === 0) await run('chown', ['postgres', dir]);
  await asPostgresUser(postgresBin('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
  // fsync off: the suite tests our handling of a stopped server, not Postgres's durability.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const pgCtl = (...args: string[]) => asPostgresUser(postgresBin('pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), ...args]);
  const start = async () => {
    await pgCtl('-o', options, '-w', 'start');
  };
  await start();
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    // A fast shutdown ends every session with 57P01, as an operator's restart does.
    stopFast: () => pgCtl('-m', 'fast', '-w', 'stop'),
    start,
    async remove() {
      await pgCtl('-m', 'immediate', '-w', 'stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
    await waitForPort(port);
  };
  await start();
  const kill = async () => {
    const current = child;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const exited = new Promise((resolve) => current.once('exit', resolve));
    current.kill('SIGKILL');
    await exited;
  };
  return { url: `redis://127.0.0.1:${port}`, kill, start, remove: kill };
}

async function waitForPort(port: number, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
}
