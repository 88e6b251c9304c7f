import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handOverOutbox } from '../../bot/pipeline/hand-over-outbox.ts';
import { insertOutboundMessages } from '../../db/queries/outbound-messages.ts';
import { testZalo } from '../../scripts/local/local-zalo-credentials.ts';
import { startDemoStack } from '../helpers/demo-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { userText } from '../helpers/zalo-events.ts';

const ratePerSec = 5;
const announcements = 60;

let stack: TestStack;
beforeAll(async () => {
  stack = await startDemoStack({ env: { OUTBOUND_RATE_PER_SEC: String(ratePerSec) } });
}, 60_000);
afterAll(async () => {
  await stack?.close();
});

describe('a resident writing during an announcement on the same OA', () => {
  it('is answered before the announcement is through, and the OA stays within its rate', async () => {
    const ids = await insertOutboundMessages(
      stack.core.db,
      Array.from({ length: announcements }, (_, i) => ({
        idempotencyKey: `announcement-${i}`,
        channel: 'oa_user' as const,
        recipientId: `86000000000000${String(i).padStart(5, '0')}`,
        oaId: testZalo.oaId,
        payload: { kind: 'text', text: `Thông báo lịch tiêm chủng (${i + 1})` },
      })),
    );
    // Planned at the OA's rate: a second's worth at once, then one every 200 ms (about 11 s).
    await handOverOutbox(stack.core, ids, stack.core.logger);

    const resident = '8600000000000099999';
    const res = await stack.postEvent(userText('cach cai vneid', resident));
    expect(res.status).toBe(200);
    const toResident = () => stack.fake.state.delivered.filter((d) => d.to === `user:${resident}`);
    await waitFor(() => toResident().length >= 2, { timeoutMs: 30_000, what: 'the resident’s answer' });
    const announced = () => stack.fake.state.delivered.filter((d) => d.text?.startsWith('Thông báo lịch tiêm chủng'));
    await waitFor(() => announced().length === announcements, { timeoutMs: 60_000, what: 'the whole announcement' });

    // The answer did not wait for the announcement's planned slots.
    const lastAnnouncement = Math.max(...announced().map((d) => d.at.getTime()));
    expect(Math.max(...toResident().map((d) => d.at.getTime()))).toBeLessThan(lastAnnouncement);

    // Everything the OA sent, the answer included, within its rate: after the first second's worth,
    // never more than `ratePerSec` a second on average since the first message.
    const times = stack.fake.state.delivered.filter((d) => d.oaId === testZalo.oaId).map((d) => d.at.getTime()).sort((a, b) => a - b);
    const first = times[0] ?? 0;
    times.forEach((t, k) => expect(k + 1, `message ${k + 1} at +${t - first} ms`).toBeLessThanOrEqual(ratePerSec * ((t - first) / 1000 + 1) + 1));
  }, 90_000);
});
