import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../bot/domain/outbox/message-transport.ts';
import { createImageAttachments } from '../../bot/zalo/image-attachments.ts';
import { createOaTransport } from '../../bot/zalo/oa-transport.ts';
import { fakeClock } from '../helpers/fake-clock.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'images');
const clock = fakeClock(new Date());
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ workers: false });
});
afterAll(async () => {
  await stack?.close();
});

describe('guide pictures', () => {
  it('are uploaded once, sent by attachment id, and uploaded again when Zalo would have forgotten them', async () => {
    const images = createImageAttachments({ db: stack.core.db, client: stack.oa.oaClient, clock, dir });
    const transport = createOaTransport(stack.oa.oaClient, images);
    const uploads = () => stack.fake.state.callsTo('/v2.0/oa/upload/image').length;

    const first = await transport.send('7600000000000000001', { kind: 'image-file', file: 'sample-step.png' });
    const delivered = stack.fake.state.delivered.find((d) => d.messageId === first.messageId);
    const attachmentId = (delivered?.message.attachment as { payload: { elements: { attachment_id: string }[] } }).payload.elements[0]?.attachment_id;
    expect(stack.fake.state.uploads.has(attachmentId ?? '')).toBe(true);
    expect(uploads()).toBe(1);

    await transport.send('7600000000000000002', { kind: 'image-file', file: 'sample-step.png' });
    expect(uploads()).toBe(1);

    clock.advance(7 * 24 * 3600_000);
    await transport.send('7600000000000000003', { kind: 'image-file', file: 'sample-step.png' });
    expect(uploads()).toBe(2);
  });

  it('forgets an attachment Zalo reports expired (-100), so the retry uploads again', async () => {
    const images = createImageAttachments({ db: stack.core.db, client: stack.oa.oaClient, clock, dir });
    const transport = createOaTransport(stack.oa.oaClient, images);
    const before = stack.fake.state.callsTo('/v2.0/oa/upload/image').length;
    stack.fake.inject('/v3.0/oa/message/cs', { kind: 'zalo-error', code: -100, message: 'attachment_id was expired' });
    const err = await transport.send('7600000000000000004', { kind: 'image-file', file: 'sample-step.png' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err).toMatchObject({ kind: 'retry', code: -100 });
    await transport.send('7600000000000000004', { kind: 'image-file', file: 'sample-step.png' });
    expect(stack.fake.state.callsTo('/v2.0/oa/upload/image').length).toBe(before + 1);
  });

  it('a picture that could not be uploaded is a plain retry: the message itself was never sent', async () => {
    const images = createImageAttachments({ db: stack.core.db, client: stack.oa.oaClient, clock, dir });
    const transport = createOaTransport(stack.oa.oaClient, images);
    clock.advance(7 * 24 * 3600_000);
    const sendsBefore = stack.fake.state.callsTo('/v3.0/oa/message/cs').length;
    stack.fake.inject('/v2.0/oa/upload/image', { kind: 'http-status', status: 500 });
    const err = await transport.send('7600000000000000005', { kind: 'image-file', file: 'sample-step.png' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err).toMatchObject({ kind: 'retry', message: 'the picture could not be prepared: Zalo /v2.0/oa/upload/image: HTTP 500' });
    expect(stack.fake.state.callsTo('/v3.0/oa/message/cs').length).toBe(sendsBefore);
  });
});
