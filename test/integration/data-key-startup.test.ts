import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseConfig } from '../../bot/config.ts';
import { developmentDataKey, developmentKeyWarning } from '../../bot/crypto/data-key.ts';
import { createSecretBox } from '../../bot/crypto/secret-box.ts';
import { createCoreDeps } from '../../bot/deps.ts';
import { createLogger } from '../../bot/logger.ts';
import { createTestDatabase, deleteRedisPrefix, uniqueQueuePrefix } from '../helpers/test-services.ts';
import type { TestDatabase } from '../helpers/test-services.ts';
import { freePort, startNodeProcess, withProcessOutput } from '../helpers/node-process.ts';
import { waitFor } from '../helpers/wait-for.ts';

/** What a process starts with when DATA_ENCRYPTION_KEY is missing: refusal in production, the development key and one warning elsewhere. */
let database: TestDatabase;
const queuePrefix = uniqueQueuePrefix();
const zalo = { ZALO_APP_ID: '1', ZALO_APP_SECRET: 'app-secret', ZALO_OA_ID: '2', ZALO_OA_SECRET_KEY: 'oa-secret', ZALO_OA_REFRESH_TOKEN: 'RT-first' };

beforeAll(async () => {
  database = await createTestDatabase(inject('databaseBaseUrl'), inject('templateDatabase'));
});
afterAll(async () => {
  await deleteRedisPrefix(inject('redisUrl'), queuePrefix).catch(() => undefined);
  await database?.drop();
});

/** The environment of a deployed bot on this test's services; empty values keep a developer's .env out. */
function botEnv(extra: Record<string, string>): Record<string, string> {
  return { DATABASE_URL: database.url, REDIS_URL: inject('redisUrl'), QUEUE_PREFIX: queuePrefix, HOST: '127.0.0.1', LOG_LEVEL: 'info', DATA_ENCRYPTION_KEY: '', MINIAPP_DEV_LOGIN: '', ...zalo, ...extra };
}

/** Collects the JSON lines a logger writes. */
function logLines(): { stream: Writable; lines: () => { level: number; msg: string }[] } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, lines: () => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { level: number; msg: string }) };
}

describe('DATA_ENCRYPTION_KEY at start-up', { timeout: 120_000 }, () => {
  it('production without it: the bot refuses to start, naming the variable, how to make one and how to migrate', async () => {
    const bot = startNodeProcess('bot/main.ts', botEnv({ NODE_ENV: 'production', PORT: String(await freePort()) }));
    const { code } = await bot.exited;
    expect(code).toBe(1);
    expect(bot.output()).toContain('DATA_ENCRYPTION_KEY: required when NODE_ENV is production');
    expect(bot.output()).toContain('openssl rand -hex 32');
    expect(bot.output()).toContain('npm run data-key:rotate -- --from-derived');
  });

  it('outside production without it: the bot logs one warning, runs on the development key and serves', async () => {
    const port = await freePort();
    const bot = startNodeProcess('bot/main.ts', botEnv({ NODE_ENV: 'development', PORT: String(port) }));
    try {
      await withProcessOutput(bot, async () => {
        await waitFor(() => bot.output().includes('bot listening'), { timeoutMs: 60_000, what: 'the bot to listen' });
        expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
        const warnings = bot.output().split('\n').filter((l) => l.includes('DATA_ENCRYPTION_KEY is not set'));
        expect(warnings).toHaveLength(1);
        expect(JSON.parse(warnings[0] ?? '{}')).toMatchObject({ level: 40, msg: developmentKeyWarning });
      });
    } finally {
      await bot.kill('SIGTERM');
    }
  });

  it('every process without it seals with the same development key; with it, or with the local development login, no warning', async () => {
    const start = (extra: Record<string, string>) => {
      const log = logLines();
      const config = parseConfig({ ...botEnv(extra), LOG_LEVEL: 'warn' });
      return { core: createCoreDeps(config, { name: 'test', logger: createLogger({ level: 'warn', name: 'test' }, log.stream) }), log };
    };
    const dev = start({ NODE_ENV: 'test' });
    const keyed = start({ NODE_ENV: 'production', DATA_ENCRYPTION_KEY: '3c'.repeat(32) });
    const local = start({ ...Object.fromEntries(Object.keys(zalo).map((k) => [k, ''])), MINIAPP_DEV_LOGIN: 'true' });
    try {
      expect(dev.log.lines()).toEqual([expect.objectContaining({ level: 40, msg: developmentKeyWarning })]);
      const sealed = dev.core.secretBox.seal('RT-dev');
      expect(createSecretBox(developmentDataKey).open(sealed)).toBe('RT-dev');
      expect(local.core.secretBox.open(sealed)).toBe('RT-dev');
      expect(local.log.lines()).toEqual([]);
      expect(keyed.log.lines()).toEqual([]);
      expect(() => keyed.core.secretBox.open(sealed)).toThrow();
    } finally {
      await Promise.all([dev, keyed, local].map((p) => p.core.close()));
    }
  });
});
