import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseConfig } from '../../bot/config.ts';
import { systemClock } from '../../bot/clock.ts';
import { createSecretBox, deriveDataKey } from '../../bot/crypto/secret-box.ts';
import { addOaAccount } from '../../bot/oas/add-oa-account.ts';
import { createOaDirectory } from '../../bot/oas/oa-directory.ts';
import { createDb } from '../../db/client.ts';
import { disableOaAccount } from '../../db/queries/oa-accounts.ts';
import { oaAccounts } from '../../db/schema/index.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { testZalo } from '../../scripts/local/local-zalo-credentials.ts';
import { runConversation } from '../helpers/conversation-runner.ts';
import { startDemoStack } from '../helpers/demo-stack.ts';
import { startTestStack, testEnv } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { createTestDatabase } from '../helpers/test-services.ts';
import type { TestDatabase } from '../helpers/test-services.ts';

// README, "Kết nối OA thật": after trying `npm start` (its stand-in OA serves the demo commune),
// fill in a real OA's ZALO_* and start again, on the same database.
const realOa = { oaId: '4100000000000000001', oaSecretKey: 'real-oa-secret-key', refreshToken: 'RT-real-oa' };
const realOaEnv = { ZALO_OA_ID: realOa.oaId, ZALO_OA_SECRET_KEY: realOa.oaSecretKey, ZALO_OA_REFRESH_TOKEN: realOa.refreshToken };

describe('a real OA after the local trial, on the same database', () => {
  let database: TestDatabase | undefined;
  let real: TestStack | undefined;
  beforeAll(async () => {
    const trial = await startDemoStack({ workers: false });
    // As local mode's first start: its stand-in OA saved as the demo commune's.
    await trial.zalo.directory.reload();
    database = trial.database;
    await trial.close({ keepDatabase: true });
    real = await startTestStack({ database, env: realOaEnv, fake: { oaId: realOa.oaId, initialRefreshToken: realOa.refreshToken } });
  }, 60_000);
  afterAll(async () => {
    await real?.close();
    await database?.drop();
  });

  it('serves the commune through the real OA and disables the trial’s', async () => {
    const rows = await real!.core.db.select({ oaId: oaAccounts.oaId, status: oaAccounts.status }).from(oaAccounts);
    expect(rows.sort((a, b) => a.oaId.localeCompare(b.oaId))).toEqual([
      { oaId: testZalo.oaId, status: 'disabled' },
      { oaId: realOa.oaId, status: 'active' },
    ]);
  });

  it('answers a resident who writes to the real OA, through it', async () => {
    const user = '8400000000000000001';
    await runConversation(real!, { name: 'guide via the real OA', user, oa: realOa, turns: [{ say: 'cach cai vneid', expect: [{ contains: ['Xã Demo'] }, { contains: ['Bước 1'] }] }] });
    const sent = real!.fake.state.delivered.filter((d) => d.to === `user:${user}`);
    expect(sent.map((d) => d.oaId)).toEqual([realOa.oaId, realOa.oaId]);
  });
});

describe('the environment’s OA taking over its commune', () => {
  let database: TestDatabase;
  let handle: ReturnType<typeof createDb>;
  const box = createSecretBox(deriveDataKey('11'.repeat(32)));
  const warnings: { msg: string; replacedOaId?: string }[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(JSON.parse(line) as { msg: string; replacedOaId?: string }) });
  const directoryOf = (env: Record<string, string>) => createOaDirectory({ db: handle.db, box, clock: systemClock, logger, config: parseConfig(testEnv(database.url, 'http://127.0.0.1:9', env)) });
  const statuses = async () => Object.fromEntries((await handle.db.select().from(oaAccounts)).map((r) => [r.oaId, r.status]));

  beforeAll(async () => {
    database = await createTestDatabase(inject('databaseBaseUrl'), inject('templateDatabase'));
    handle = createDb(database.url);
    await seedDemoCommune(handle.db);
    await directoryOf({}).all();
  });
  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  it('happens once when the bot and the workers start together, with a warning naming the OA it replaces', async () => {
    const [fromBot, fromWorkers] = await Promise.all([directoryOf(realOaEnv).all(), directoryOf(realOaEnv).all()]);
    for (const served of [fromBot, fromWorkers]) expect(served.find((a) => a.oaId === realOa.oaId)?.active).toBe(true);
    expect(await statuses()).toEqual({ [testZalo.oaId]: 'disabled', [realOa.oaId]: 'active' });
    const takeovers = warnings.filter((w) => w.replacedOaId !== undefined);
    expect(takeovers).toHaveLength(1);
    expect(takeovers[0]).toMatchObject({ replacedOaId: testZalo.oaId, oaId: realOa.oaId });
  });

  it('goes back and forth with the environment: the trial again, then the real OA again', async () => {
    const before = warnings.length;
    expect((await directoryOf({}).all()).find((a) => a.oaId === testZalo.oaId)?.active).toBe(true);
    expect(await statuses()).toEqual({ [testZalo.oaId]: 'active', [realOa.oaId]: 'disabled' });
    expect((await directoryOf(realOaEnv).all()).find((a) => a.oaId === realOa.oaId)?.active).toBe(true);
    expect(await statuses()).toEqual({ [testZalo.oaId]: 'disabled', [realOa.oaId]: 'active' });
    expect(warnings.slice(before).map((w) => w.replacedOaId)).toEqual([realOa.oaId, testZalo.oaId]);
  });

  it('does not undo an operator’s choice: a disabled environment OA stays disabled and takes nothing over', async () => {
    const now = new Date();
    await disableOaAccount(handle.db, realOa.oaId, now);
    await addOaAccount({ db: handle.db, box, now }, { communeCode: 'demo-xa', oaId: testZalo.oaId, appId: testZalo.appId, appSecret: testZalo.appSecret, oaSecretKey: testZalo.oaSecretKey, refreshToken: 'RT-again', sendRatePerSec: 10, name: null });
    const before = warnings.length;
    const served = await directoryOf(realOaEnv).all();
    expect(served.find((a) => a.oaId === realOa.oaId)?.active).toBe(false);
    expect(await statuses()).toEqual({ [testZalo.oaId]: 'active', [realOa.oaId]: 'disabled' });
    expect(warnings.slice(before).filter((w) => w.replacedOaId !== undefined)).toEqual([]);
    const [row] = await handle.db.select().from(oaAccounts).where(eq(oaAccounts.oaId, testZalo.oaId));
    expect(row?.disabledAt).toBeNull();
  });

  it('warns, naming the code, when COMMUNE_CODE is not a unit yet (a real OA on a new database), and still serves the OA', async () => {
    const before = warnings.length;
    const newOaId = '4100000000000000009';
    const directory = directoryOf({ ...realOaEnv, ZALO_OA_ID: newOaId, COMMUNE_CODE: 'xa-chua-nhap' });
    const served = await directory.all();
    expect(served.find((a) => a.oaId === newOaId)).toMatchObject({ communeId: null, active: true });
    // Once per process, not at every re-read of the OA list.
    await directory.reload();
    expect(warnings.slice(before)).toEqual([expect.objectContaining({ communeCode: 'xa-chua-nhap', msg: expect.stringContaining('npm run units:import') })]);
  });
});
