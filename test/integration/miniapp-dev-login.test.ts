import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ workers: false, env: { MINIAPP_DEV_LOGIN: 'true', MINIAPP_RATE_LIMIT_PER_MIN: '5' } });
  await seedDemoCommune(stack.core.db);
});
afterAll(async () => {
  await stack?.close();
});

describe('the Mini App in local development', () => {
  it('offers the development identities and logs in as one of them', async () => {
    expect(await (await fetch(`${stack.baseUrl}/api/config`)).json()).toEqual({ devLogin: true });
    const { identities } = (await (await fetch(`${stack.baseUrl}/api/auth/dev/identities`)).json()) as { identities: { memberId: number; role: string; name: string }[] };
    const leader = identities.find((i) => i.role === 'commune_leader');
    expect(identities[0]?.role).toBe('admin');
    const login = await fetch(`${stack.baseUrl}/api/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ memberId: leader?.memberId }) });
    const { me } = (await login.json()) as { me: { name: string; can: { dashboard: boolean } } };
    expect(me).toMatchObject({ name: 'Chủ tịch UBND xã Demo', can: { dashboard: true } });
  });

  it('limits each user to MINIAPP_RATE_LIMIT_PER_MIN requests a minute, with a Vietnamese answer', async () => {
    const session = stack.core.appSessions.issue(1, new Date(Date.now() + 60_000));
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await fetch(`${stack.baseUrl}/api/me`, { headers: { authorization: `Bearer ${session}` } })).status);
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    const limited = await fetch(`${stack.baseUrl}/api/me`, { headers: { authorization: `Bearer ${session}` } });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: 'rate-limited', message: expect.stringContaining('thao tác nhanh quá') });
    // Another user is not held back by the first one.
    const other = stack.core.appSessions.issue(2, new Date(Date.now() + 60_000));
    expect((await fetch(`${stack.baseUrl}/api/me`, { headers: { authorization: `Bearer ${other}` } })).status).toBe(200);
  });
});
