import { spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { developmentDataKey, legacyDerivedDataKey } from '../../bot/crypto/data-key.ts';
import { createSecretBox } from '../../bot/crypto/secret-box.ts';
import { createDb } from '../../db/client.ts';
import type { DbHandle } from '../../db/client.ts';
import { oaAccounts, oaTokens, orgUnits, zcaSessions } from '../../db/schema/index.ts';
import { createTestDatabase } from '../helpers/test-services.ts';
import type { TestDatabase } from '../helpers/test-services.ts';
import { waitFor } from '../helpers/wait-for.ts';

/**
 * `npm run data-key:rotate`, run as an operator runs it: its own process against a real Postgres,
 * re-sealing every sealed column (oa_tokens, oa_accounts, zca_sessions) from an old key to the new
 * DATA_ENCRYPTION_KEY.
 */
let database: TestDatabase;
let handle: DbHandle;
let communeId: number;

const secrets = { appSecret: 'rotation-app-secret', oaSecretKey: 'rotation-oa-secret-key' };
const newHex = '5e'.repeat(32);
const oldHex = '0d'.repeat(32);
const newBox = createSecretBox(Buffer.from(newHex, 'hex'));

beforeAll(async () => {
  database = await createTestDatabase(inject('databaseBaseUrl'), inject('templateDatabase'));
  handle = createDb(database.url);
  const [unit] = await handle.db.insert(orgUnits).values({ code: 'rot-xa', name: 'Xã Xoay Khóa', kind: 'commune', validFrom: '2025-07-01' }).returning();
  communeId = unit?.id ?? 0;
});
afterAll(async () => {
  await handle?.close();
  await database?.drop();
});
beforeEach(async () => {
  await handle.db.execute(sql`truncate oa_tokens, oa_accounts, zca_sessions`);
});

/** The plain values every test seals: two OAs' tokens (one without an access token yet), an OA's secrets, two group sessions. */
const plain = {
  tokens: [
    { oaId: 'oa-1', access: 'AT-one', refresh: 'RT-one' },
    { oaId: 'oa-2', access: null, refresh: 'RT-two' },
  ],
  account: { oaId: 'oa-1', appSecret: 'app-secret-one', oaSecretKey: 'oa-secret-one' },
  sessions: [
    { accountKey: 'acc-1', session: '{"cookie":"one"}' },
    { accountKey: 'acc-2', session: '{"cookie":"two"}' },
  ],
};

/** Seals each value with the key `keyOf` picks for it (by its column and row). */
async function seed(keyOf: (column: string, row: string) => Buffer): Promise<void> {
  const seal = (column: string, row: string, value: string) => createSecretBox(keyOf(column, row)).seal(value);
  for (const t of plain.tokens) {
    await handle.db.insert(oaTokens).values({
      oaId: t.oaId,
      accessTokenEnc: t.access === null ? null : seal('access_token_enc', t.oaId, t.access),
      refreshTokenEnc: seal('refresh_token_enc', t.oaId, t.refresh),
      accessExpiresAt: new Date(),
    });
  }
  const a = plain.account;
  await handle.db.insert(oaAccounts).values({ oaId: a.oaId, appId: 'app-1', communeId, appSecretEnc: seal('app_secret_enc', a.oaId, a.appSecret), oaSecretKeyEnc: seal('oa_secret_key_enc', a.oaId, a.oaSecretKey), sendRatePerSec: 10 });
  for (const s of plain.sessions) {
    await handle.db.insert(zcaSessions).values({ accountKey: s.accountKey, sessionEnc: seal('session_enc', s.accountKey, s.session), updatedAt: new Date() });
  }
}

/** Every sealed value as stored, in a fixed order. */
async function stored(): Promise<(string | null)[]> {
  const tokens = await handle.db.select().from(oaTokens).orderBy(oaTokens.oaId);
  const accounts = await handle.db.select().from(oaAccounts).orderBy(oaAccounts.oaId);
  const sessions = await handle.db.select().from(zcaSessions).orderBy(zcaSessions.accountKey);
  return [...tokens.flatMap((t) => [t.accessTokenEnc, t.refreshTokenEnc]), ...accounts.flatMap((a) => [a.appSecretEnc, a.oaSecretKeyEnc]), ...sessions.map((s) => s.sessionEnc)];
}

const expectedPlain = [
  ...plain.tokens.flatMap((t) => [t.access, t.refresh]),
  plain.account.appSecret,
  plain.account.oaSecretKey,
  ...plain.sessions.map((s) => s.session),
];

/** Opens every stored value with the new key (null stays null). */
async function openedWithNewKey(): Promise<(string | null)[]> {
  return (await stored()).map((v) => (v === null ? null : newBox.open(v)));
}

type Rotation = { exited: Promise<number | null>; running: () => boolean; stdout: () => string; output: () => string };

/** The command in a process of its own, with only the given environment on top of the test's. */
function startRotate(args: string[], env: Record<string, string> = {}): Rotation {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/data-key-rotate.ts', ...args], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NODE_ENV: 'production',
      DATA_ENCRYPTION_KEY: newHex,
      // Empty means unset, and keeps a developer's .env from filling them in.
      OLD_DATA_ENCRYPTION_KEY: '',
      ...Object.fromEntries(['ZALO_APP_ID', 'ZALO_APP_SECRET', 'ZALO_OA_ID', 'ZALO_OA_SECRET_KEY', 'ZALO_OA_REFRESH_TOKEN'].map((k) => [k, ''])),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let output = '';
  child.stdout.on('data', (d: Buffer) => ((stdout += d), (output += d)));
  child.stderr.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { exited, running: () => child.exitCode === null && child.signalCode === null, stdout: () => stdout, output: () => output };
}

async function rotate(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; output: string }> {
  const child = startRotate(args, env);
  const code = await child.exited;
  return { code, stdout: child.stdout(), output: child.output() };
}

/** The deployment's single-OA settings, as its .env has them. */
const zaloEnv = { ZALO_APP_ID: '1', ZALO_APP_SECRET: secrets.appSecret, ZALO_OA_ID: 'oa-1', ZALO_OA_SECRET_KEY: secrets.oaSecretKey, ZALO_OA_REFRESH_TOKEN: 'RT-first' };

// Each case starts the command in new processes, a few seconds each on a busy machine.
describe('npm run data-key:rotate', { timeout: 90_000 }, () => {
  it('moves a deployment from the key derived from its Zalo secrets to DATA_ENCRYPTION_KEY, every sealed column at once', async () => {
    await seed(() => legacyDerivedDataKey(secrets));
    const r = await rotate(['--from-derived'], zaloEnv);
    expect(r.code, r.output).toBe(0);
    expect(r.stdout).toMatch(/oa_tokens\.access_token_enc\s+1 re-sealed, 0 already on the new key/);
    expect(r.stdout).toMatch(/oa_tokens\.refresh_token_enc\s+2 re-sealed/);
    expect(r.stdout).toMatch(/oa_accounts\.app_secret_enc\s+1 re-sealed/);
    expect(r.stdout).toMatch(/oa_accounts\.oa_secret_key_enc\s+1 re-sealed/);
    expect(r.stdout).toMatch(/zca_sessions\.session_enc\s+2 re-sealed/);
    expect(r.stdout).toContain('7 values now sealed with DATA_ENCRYPTION_KEY');
    expect(r.stdout).toMatch(/Mini App sessions and signed download links made with the old key stop working/);
    expect(await openedWithNewKey()).toEqual(expectedPlain);

    // A second run finds nothing to do and writes nothing.
    const before = await stored();
    const again = await rotate(['--from-derived'], zaloEnv);
    expect(again.code, again.output).toBe(0);
    expect(again.stdout).toContain('Nothing to re-seal');
    expect(again.stdout).toMatch(/zca_sessions\.session_enc\s+0 re-sealed, 2 already on the new key/);
    expect(await stored()).toEqual(before);
  });

  it('changes nothing when one value does not open with the old key, and says which row', async () => {
    const stranger = Buffer.alloc(32, 7);
    await seed((column, row) => (column === 'session_enc' && row === 'acc-2' ? stranger : Buffer.from(oldHex, 'hex')));
    const before = await stored();
    const r = await rotate(['--old-key-hex', oldHex]);
    expect(r.code).toBe(1);
    expect(r.output).toContain('zca_sessions row account_key=acc-2, column session_enc: the value opens with neither the old key nor the new DATA_ENCRYPTION_KEY');
    expect(r.output).toContain('Nothing was changed');
    // The tables before it, whose values did open, are untouched too.
    expect(await stored()).toEqual(before);

    // A wholly wrong key stops at the first value.
    const wrong = await rotate(['--from-dev-key']);
    expect(wrong.code).toBe(1);
    expect(wrong.output).toContain('oa_tokens row oa_id=oa-1, column access_token_enc');
    expect(await stored()).toEqual(before);
  });

  it('re-seals only what is still on the old key (rows written after an earlier run), the old key from OLD_DATA_ENCRYPTION_KEY', async () => {
    await seed((column) => (column.startsWith('oa_') || column === 'app_secret_enc' ? Buffer.from(newHex, 'hex') : developmentDataKey));
    const r = await rotate([], { OLD_DATA_ENCRYPTION_KEY: developmentDataKey.toString('hex') });
    expect(r.code, r.output).toBe(0);
    expect(r.stdout).toMatch(/oa_accounts\.app_secret_enc\s+0 re-sealed, 1 already on the new key/);
    expect(r.stdout).toMatch(/oa_accounts\.oa_secret_key_enc\s+0 re-sealed, 1 already on the new key/);
    expect(r.stdout).toMatch(/oa_tokens\.refresh_token_enc\s+2 re-sealed, 0 already/);
    expect(r.stdout).toContain('5 values now sealed');
    expect(await openedWithNewKey()).toEqual(expectedPlain);
  });

  it('waits for a row another transaction holds, and re-seals the value that transaction wrote', async () => {
    const oldKey = Buffer.from(oldHex, 'hex');
    await seed(() => oldKey);
    // A token refresh in flight: it holds oa-2's row and will store a new pair sealed with the old key.
    const refresher = new pg.Client({ connectionString: database.url });
    await refresher.connect();
    try {
      await refresher.query('begin');
      await refresher.query(`select * from oa_tokens where oa_id = 'oa-2' for update`);
      const rotation = startRotate(['--old-key-hex', oldHex]);
      // Asked on another connection: inside a transaction, pg_stat_activity is a snapshot.
      const waiting = sql`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
      await waitFor(async () => (await handle.db.execute(waiting)).rows.length === 1, { timeoutMs: 20_000, what: 'the rotation to wait for the locked row' });
      expect(rotation.running()).toBe(true);
      await refresher.query(`update oa_tokens set refresh_token_enc = $1 where oa_id = 'oa-2'`, [createSecretBox(oldKey).seal('RT-refreshed')]);
      await refresher.query('commit');
      expect(await rotation.exited, rotation.output()).toBe(0);
    } finally {
      await refresher.end();
    }
    const [, , , refreshed] = await openedWithNewKey();
    expect(refreshed).toBe('RT-refreshed');
  });

  it('asks for the new key and for which old key, before touching the database', async () => {
    const noNew = await rotate(['--from-dev-key'], { DATA_ENCRYPTION_KEY: '', NODE_ENV: 'development' });
    expect(noNew.code).toBe(2);
    expect(noNew.output).toContain('DATA_ENCRYPTION_KEY is not set: set it to the new key first');
    const noOld = await rotate([]);
    expect(noOld.code).toBe(2);
    expect(noOld.output).toContain('usage: npm run data-key:rotate');
    const two = await rotate(['--from-dev-key', '--old-key-hex', oldHex]);
    expect(two.code).toBe(2);
    expect(two.output).toContain('Give one old key, not several');
  });
});
