import { spawn } from 'node:child_process';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, testEnv } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { waitFor } from '../helpers/wait-for.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ workers: false });
});
afterAll(async () => {
  await stack?.close();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

describe('start-all (what `npm start` runs after its checks)', () => {
  it('brings up the bot and the workers, /readyz answers 200, a message is answered, Ctrl-C stops both', async () => {
    const port = await freePort();
    const env = { ...testEnv(stack.database.url, stack.fake.url), QUEUE_PREFIX: stack.config.queuePrefix, PORT: String(port) };
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-all.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    try {
      const ready = await waitFor(
        async () => {
          const res = await fetch(`http://127.0.0.1:${port}/readyz`);
          return res.status === 200 ? res : undefined;
        },
        { timeoutMs: 20_000, what: '/readyz' },
      );
      expect(await ready.json()).toMatchObject({ status: 'ready' });
      expect(output).toContain(`http://localhost:${port}/webhooks/zalo`);

      // The workers process is up too: a webhook event gets its reply.
      const res = await fetch(`http://127.0.0.1:${port}/webhooks/zalo`, { method: 'POST', ...(await signedText()) });
      expect(res.status).toBe(200);
      await waitFor(() => stack.fake.state.delivered.length > 0, { timeoutMs: 20_000, what: 'a reply from the worker process' });
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
    }
    expect(output).toMatch(/bot\s+\| exited/);
    expect(output).toMatch(/workers\s+\| exited/);
  });
});

describe('start-all with a group account logged in', () => {
  it('starts the groups listener too; if Zalo refuses the session, it stops alone and says how to log in again', async () => {
    const { saveZcaSession } = await import('../../bot/zalo/zca/zca-session.ts');
    const { findZcaSession } = await import('../../db/queries/zca-sessions.ts');
    await saveZcaSession(stack.core.db, stack.core.secretBox, {
      credentials: { imei: 'imei', userAgent: 'Mozilla/5.0', cookie: [{ key: 'zpw_sek', value: 'expired' }] },
      ownUid: '1029384756102938475',
      displayName: 'Tổ CNSCĐ Xã Demo',
      now: new Date(),
    });
    const port = await freePort();
    const env = { ...testEnv(stack.database.url, stack.fake.url), QUEUE_PREFIX: stack.config.queuePrefix, PORT: String(port) };
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-all.ts'], { env: { ...process.env, ...env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    try {
      // This machine cannot reach Zalo, so the stored session cannot be used.
      await waitFor(() => /groups\s+\| exited/.test(output), { timeoutMs: 30_000, what: 'the groups process to give up' });
      expect(output).toContain('personal account Tổ CNSCĐ Xã Demo (zca-js) listening');
      expect(output).toContain('npm run zalo:login');
      const row = await findZcaSession(stack.core.db, 'default');
      expect(row?.status).toBe('logged_out');
      const ready = await waitFor(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        return res.status === 200 ? res : undefined;
      });
      expect(ready.status).toBe(200);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
    }
  });
});

async function signedText() {
  const { userText } = await import('../helpers/zalo-events.ts');
  const { signedHeaders } = await import('../helpers/zalo-test-credentials.ts');
  const body = JSON.stringify(userText('Chào tổ', '7400000000000000001'));
  return { headers: signedHeaders(body), body };
}
