import { spawnSync } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamLinkCodes, teams } from '../../db/schema/index.ts';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ workers: false });
  await seedDemoCommune(stack.core.db);
});
afterAll(async () => {
  await stack?.close();
});

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/team-create.ts', ...args], { env: { ...process.env, ...stack.env, ...env }, encoding: 'utf8' });

describe('npm run team:create', () => {
  it('prints a one-time code for an existing village team', async () => {
    const r = run(['demo-xa-thon-dong']);
    expect(r.status).toBe(0);
    const code = /\/lienket ([A-Z0-9]{6})/.exec(r.stdout)?.[1];
    expect(code).toBeTruthy();
    const [row] = await stack.core.db.select().from(teamLinkCodes).where(eq(teamLinkCodes.code, code ?? ''));
    const [team] = await stack.core.db.select().from(teams).where(eq(teams.id, row?.teamId ?? -1));
    expect(team?.name).toBe('Tổ CNSCĐ Thôn Đông');
    expect(r.stdout).toContain('Tổ CNSCĐ Thôn Đông');
  });

  it('creates the commune-level team when asked for one, and explains a wrong unit code', async () => {
    const r = run(['demo-xa', '--name', 'Tổ CNSCĐ xã Demo']);
    expect(r.status).toBe(0);
    const created = await stack.core.db.select().from(teams).where(eq(teams.name, 'Tổ CNSCĐ xã Demo'));
    expect(created).toMatchObject([{ kind: 'commune' }]);
    const bad = run(['no-such-unit']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('no unit with code');
  });

  it('keeps its log lines off stdout, and LOG_LEVEL quiets them', () => {
    // No DATA_ENCRYPTION_KEY in the tests: every process warns that it runs on the development key.
    const plain = run(['demo-xa-thon-tay'], { LOG_FORMAT: 'json', LOG_LEVEL: 'info' });
    expect(plain.status).toBe(0);
    expect(plain.stdout).not.toContain('DATA_ENCRYPTION_KEY');
    expect(plain.stderr).toMatch(/"level":40,.*DATA_ENCRYPTION_KEY is not set/);
    const quiet = run(['demo-xa-thon-tay'], { LOG_LEVEL: 'error' });
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toContain('/lienket');
  });
});
