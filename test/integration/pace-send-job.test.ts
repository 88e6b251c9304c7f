import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOutboundMessages } from '../../db/queries/outbound-messages.ts';
import { testZalo } from '../../scripts/local/local-zalo-credentials.ts';
import { oaOfRow } from '../../bot/pipeline/pace-send-job.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ workers: false });
});
afterAll(async () => {
  await stack?.close();
});

const text = { kind: 'text', text: 'Nhắc tổ báo cáo tuần' };

describe('which OA a send job is paced on', () => {
  it('a row naming its OA: that OA; one naming none: the only OA served, which is the one that sends it; a zca-js group: none', async () => {
    const pacing = { db: stack.core.db, routes: { defaultRatePerSec: 5, envOaId: testZalo.oaId } };
    const [named, legacy, zca] = await insertOutboundMessages(stack.core.db, [
      { idempotencyKey: 'pace-named', channel: 'oa_user', recipientId: '8400000000000000001', oaId: '4000000000000000009', payload: text },
      { idempotencyKey: 'pace-legacy-team', channel: 'team_group', recipientId: '1', oaId: null, payload: text },
      { idempotencyKey: 'pace-zca', channel: 'zalo_group', recipientId: 'zca:123', oaId: null, payload: text },
    ]);
    expect(await oaOfRow(pacing, named ?? 0)).toBe('4000000000000000009');
    expect(await oaOfRow(pacing, legacy ?? 0)).toBe(testZalo.oaId);
    expect(await oaOfRow(pacing, zca ?? 0)).toBeNull();
  });
});
