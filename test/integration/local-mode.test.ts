import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../../db/client.ts';
import { createTestDatabase, deleteRedisPrefix, uniqueQueuePrefix } from '../helpers/test-services.ts';
import type { TestDatabase } from '../helpers/test-services.ts';
import { freePort, startNodeProcess, withProcessOutput } from '../helpers/node-process.ts';
import type { NodeProcess } from '../helpers/node-process.ts';
import { waitFor } from '../helpers/wait-for.ts';

/** Two TypeScript processes start and the classifier trains: slow on a busy machine, by design generous. */
const startTimeoutMs = 120_000;

let database: TestDatabase;
let all: NodeProcess;
let botPort: number;
let simulatorPort: number;
const queuePrefix = uniqueQueuePrefix();

/**
 * `npm start` on a fresh clone: no Zalo credentials, an empty database. Everything a newcomer needs
 * comes up from one command, and a resident's message goes the real way (signed webhook, queue,
 * workers, the stand-in) and its answer shows in the simulator.
 */
beforeAll(async () => {
  database = await createTestDatabase(inject('databaseBaseUrl'), inject('templateDatabase'));
  [botPort, simulatorPort] = [await freePort(), await freePort()];
  const zaloUnset = Object.fromEntries(['ZALO_APP_ID', 'ZALO_APP_SECRET', 'ZALO_OA_ID', 'ZALO_OA_SECRET_KEY', 'ZALO_OA_REFRESH_TOKEN', 'NODE_ENV'].map((k) => [k, '']));
  all = startNodeProcess('scripts/start-all.ts', {
    ...zaloUnset,
    DATABASE_URL: database.url,
    REDIS_URL: inject('redisUrl'),
    QUEUE_PREFIX: queuePrefix,
    HOST: '127.0.0.1',
    PORT: String(botPort),
    SIMULATOR_PORT: String(simulatorPort),
    LOG_FORMAT: 'pretty',
    SCHEDULED_SENDS: 'false',
  });
});

afterAll(async () => {
  await all?.kill('SIGINT');
  await deleteRedisPrefix(inject('redisUrl'), queuePrefix).catch(() => undefined);
  await database?.drop();
});

describe('npm start without Zalo credentials (local mode)', () => {
  it('prints the simulator first, seeds the demo commune, and answers a resident through the real path', async () => {
    await withProcessOutput(all, async () => {
      await waitFor(() => all.output().includes('✔ Sẵn sàng'), { timeoutMs: startTimeoutMs, what: 'the ready line' });
      const simulator = `http://localhost:${simulatorPort}/simulator`;
      // The first thing printed is where to go.
      expect(all.stdout().trim().split('\n')[0]).toContain(simulator);
      // The demo commune was seeded into the empty database, and its village codes are listed.
      expect(all.output()).toMatch(/demo-xa-thon-dong\s+Tổ CNSCĐ Thôn Đông/);
      const { db, close } = createDb(database.url);
      try {
        expect((await db.execute<{ n: number }>(sql`select count(*)::int as n from org_units where code like 'demo-xa%'`)).rows[0]?.n).toBeGreaterThan(4);
      } finally {
        await close();
      }
      // Logs are readable, not JSON.
      const botLines = all.output().split('\n').filter((l) => l.startsWith('bot '));
      expect(botLines.length).toBeGreaterThan(0);
      expect(botLines.filter((l) => l.includes('| {'))).toEqual([]);

      // The bot's own address sends a browser to the simulator.
      const home = await fetch(`http://127.0.0.1:${botPort}/`, { redirect: 'manual' });
      expect(home.status).toBe(302);
      expect(home.headers.get('location')).toBe(simulator);
      expect(await (await fetch(simulator)).text()).toContain('Trình mô phỏng');

      const scenario = (await (await fetch(`${simulator}/api/scenario`)).json()) as { residents: { id: string }[] };
      const residentId = scenario.residents[0]?.id ?? '';
      const sent = await fetch(`${simulator}/api/resident/text`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ residentId, text: 'cach cai vneid' }) });
      expect(sent.status).toBe(200);
      const reply = await waitFor(
        async () => {
          const feed = (await (await fetch(`${simulator}/api/messages?since=0`)).json()) as { entries: { chat: string; from: string; text?: string | null; view?: { text?: string | null } }[] };
          return feed.entries.find((e) => e.chat === `user:${residentId}` && e.from === 'oa');
        },
        { timeoutMs: startTimeoutMs, what: "the OA's reply in the simulator" },
      );
      expect(JSON.stringify(reply)).toMatch(/VNeID/);
    });
  });
});
