import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZaloApiError } from '../../bot/zalo/zalo-errors.ts';
import { renderZaloMessage } from '../../bot/zalo/render-message.ts';
import { startTestStack } from '../helpers/test-stack.ts';
import type { TestStack } from '../helpers/test-stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ workers: false });
});
afterAll(async () => {
  await stack?.close();
});

// A 1×1 PNG.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

describe('OA client against the Zalo contract', () => {
  it('sends text with up to 5 buttons in the template shape without template_type', async () => {
    const message = renderZaloMessage({
      kind: 'buttons',
      text: 'Bác muốn hỏi gì ạ?',
      buttons: [
        { label: 'Cài VNeID', action: '#topic:vneid-install' },
        { label: 'Gặp cán bộ', action: '#topic:human' },
      ],
    });
    const { messageId } = await stack.oa.oaClient.sendMessage('7500000000000000001', message);
    const delivered = stack.fake.state.delivered.find((d) => d.messageId === messageId);
    expect(delivered?.message).toEqual({
      text: 'Bác muốn hỏi gì ạ?',
      attachment: {
        type: 'template',
        payload: {
          buttons: [
            { title: 'Cài VNeID', type: 'oa.query.hide', payload: '#topic:vneid-install' },
            { title: 'Gặp cán bộ', type: 'oa.query.hide', payload: '#topic:human' },
          ],
        },
      },
    });
  });

  it('uploads an image and sends it by attachment id', async () => {
    const { attachmentId } = await stack.oa.oaClient.uploadImage({ bytes: png, filename: 'buoc-1.png', mimeType: 'image/png' });
    expect(stack.fake.state.uploads.get(attachmentId)).toMatchObject({ bytes: png.length, mimeType: 'image/png' });
    const { messageId } = await stack.oa.oaClient.sendMessage('7500000000000000001', renderZaloMessage({ kind: 'image', attachmentId, caption: 'Bước 1' }));
    const delivered = stack.fake.state.delivered.find((d) => d.messageId === messageId);
    expect(delivered?.message).toMatchObject({ text: 'Bước 1', attachment: { payload: { template_type: 'media', elements: [{ media_type: 'image', attachment_id: attachmentId }] } } });
  });

  it('reads user detail and conversation history with the data query parameter', async () => {
    const detail = await stack.oa.oaClient.getUserDetail('7500000000000000001');
    expect(detail).toMatchObject({ userId: '7500000000000000001', isFollower: true });
    const history = await stack.oa.oaClient.listConversation('7500000000000000001', { offset: 0, count: 10 });
    expect(history.length).toBeGreaterThanOrEqual(2);
    expect(history[0]).toMatchObject({ fromOa: true });
    const call = stack.fake.state.callsTo('/v2.0/oa/conversation').at(-1);
    expect(JSON.parse(call?.query.data ?? '{}')).toEqual({ user_id: '7500000000000000001', offset: 0, count: 10 });
  });

  it('turns an error inside HTTP 200 into a typed error (text over 2000 characters)', async () => {
    const err = await stack.oa.oaClient.sendMessage('7500000000000000001', { text: 'a'.repeat(2001) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloApiError);
    expect(err).toMatchObject({ code: -201, kind: 'rejected' });
  });
});
