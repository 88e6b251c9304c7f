import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, testEnv } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { freePort, startNodeProcess, withProcessOutput } from '../helpers/node-process.ts';

/**
 * Two processes compile their TypeScript on start; on an idle 2-core machine /readyz answers in
 * about 4 s, and a machine busy with the rest of the suite has taken over 20 s. Generous on purpose:
 * a slow start is not what these tests are about, and a failure shows the children's output.
 */
const startTimeoutMs = 90_000;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ workers: false });
});
afterAll(async () => {
  await stack?.close();
});

describe('start-all (what `npm start` runs after its checks)', () => {
  it('brings up the bot and the workers, /readyz answers 200, a message is answered, Ctrl-C stops both', async () => {
    const port = await freePort();
    const env = { ...testEnv(stack.database.url, stack.fake.url), QUEUE_PREFIX: stack.config.queuePrefix, PORT: String(port) };
    const all = startNodeProcess('scripts/start-all.ts', env);
    try {
      await withProcessOutput(all, async () => {
        const ready = await waitFor(
          async () => {
            const res = await fetch(`http://127.0.0.1:${port}/readyz`);
            return res.status === 200 ? res : undefined;
          },
          { timeoutMs: startTimeoutMs, what: '/readyz' },
        );
        expect(await ready.json()).toMatchObject({ status: 'ready' });
        expect(all.output()).toContain(`http://localhost:${port}/webhooks/zalo`);

        // The workers process is up too: a webhook event gets its reply.
        const res = await fetch(`http://127.0.0.1:${port}/webhooks/zalo`, { method: 'POST', ...(await signedText()) });
        expect(res.status).toBe(200);
        await waitFor(() => stack.fake.state.delivered.length > 0, { timeoutMs: startTimeoutMs, what: 'a reply from the worker process' });
      });
    } finally {
      await all.kill('SIGINT');
    }
    expect(all.output()).toMatch(/bot\s+\| exited/);
    expect(all.output()).toMatch(/workers\s+\| exited/);
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
    const all = startNodeProcess('scripts/start-all.ts', { ...env, LOG_LEVEL: 'info' });
    try {
      await withProcessOutput(all, async () => {
        // This machine cannot reach Zalo, so the stored session cannot be used.
        await waitFor(() => /groups\s+\| exited/.test(all.output()), { timeoutMs: startTimeoutMs, what: 'the groups process to give up' });
        expect(all.output()).toContain('personal account Tổ CNSCĐ Xã Demo (zca-js) listening');
        expect(all.output()).toContain('npm run zalo:login');
        const row = await findZcaSession(stack.core.db, 'default');
        expect(row?.status).toBe('logged_out');
        const ready = await waitFor(
          async () => {
            const res = await fetch(`http://127.0.0.1:${port}/readyz`);
            return res.status === 200 ? res : undefined;
          },
          { timeoutMs: startTimeoutMs, what: '/readyz' },
        );
        expect(ready.status).toBe(200);
      });
    } finally {
      await all.kill('SIGINT');
    }
  });
});

async function signedText() {
  const { userText } = await import('../helpers/zalo-events.ts');
  const { signedHeaders } = await import('../../scripts/local/local-zalo-credentials.ts');
  const body = JSON.stringify(userText('Chào tổ', '7400000000000000001'));
  return { headers: signedHeaders(body), body };
}
