import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { inboundEvents } from '../../db/schema/index.ts';
import { startTcpProxy } from '../helpers/tcp-proxy.ts';
import type { TcpProxy } from '../helpers/tcp-proxy.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { userText } from '../helpers/zalo-events.ts';
import { settledRepliesTo } from '../helpers/outbox.ts';

let stack: TestStack;
let redisProxy: TcpProxy;
beforeAll(async () => {
  const redis = new URL(inject('redisUrl'));
  redisProxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
  stack = await startTestStack({ env: { REDIS_URL: redisProxy.url('redis') } });
});
afterAll(async () => {
  await stack?.close();
  await redisProxy?.close();
});

describe('Redis outage', () => {
  it('still stores the event and answers 200; the reply goes out once Redis is back', async () => {
    await redisProxy.stop();
    const event = userText('Alo, có ai không?', '7100000000000000001');
    const started = Date.now();
    const res = await stack.postEvent(event);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    const msgId = (event.message as { msg_id: string }).msg_id;
    const [row] = await stack.core.db.select().from(inboundEvents).where(eq(inboundEvents.dedupeKey, `oa:3662729599332560487:user_send_text:${msgId}`));
    expect(row).toMatchObject({ status: 'received', enqueuedAt: null });
    const ready = await fetch(`${stack.baseUrl}/readyz`);
    expect(ready.status).toBe(503);

    await new Promise((r) => setTimeout(r, 500));
    expect(stack.fake.state.delivered).toHaveLength(0);

    await redisProxy.start();
    const delivered = await waitFor(() => stack.fake.state.delivered.find((d) => d.to === 'user:7100000000000000001'), { timeoutMs: 20_000, what: 'reply after Redis returned' });
    expect(delivered.text).toBeTruthy();
    const [after] = await stack.core.db.select().from(inboundEvents).where(eq(inboundEvents.id, row?.id ?? -1));
    expect(after?.status).toBe('processed');
    // The whole reply (welcome and menu), each message once.
    expect(await settledRepliesTo(stack, '7100000000000000001', { atLeast: 2 })).toHaveLength(2);
  });
});
