import { describe, expect, it } from 'vitest';
import type { WeekChartContent } from '../domain/outbox/outbound-content.ts';
import { createGmfGroupSender, maxImageBytes } from './gmf-group-sender.ts';
import type { OaClient } from './oa-client.ts';
import type { ZaloMessage } from './render-message.ts';
import { ZaloApiError } from './zalo-errors.ts';

const chart: WeekChartContent = { kind: 'week-chart', communeId: 1, week: '2026-W48', caption: '📈 Biểu đồ tuần 48 theo từng thôn. Xem bản lớn:\nhttps://x.example/c.png' };

/** An OA client that records group messages and refuses pictures when told to. */
function client(refusePictures: boolean) {
  const sent: ZaloMessage[] = [];
  const oa = {
    uploadImage: async () => ({ attachmentId: 'att-1' }),
    sendGroupMessage: async (_groupId: string, message: ZaloMessage) => {
      if (refusePictures && 'attachment' in message) throw new ZaloApiError(-201, 'attachment is invalid', '/v3.0/oa/group/message');
      sent.push(message);
      return { messageId: `m-${sent.length}` };
    },
  } as unknown as OaClient;
  return { oa, sent };
}

const picture = (size: number) => ({ weekChart: async () => ({ png: Buffer.alloc(size), width: 1000, height: 400, filename: 'bieu-do-tuan-2026-W48.png' as const }) });

describe('the weekly chart through GMF', () => {
  it('goes as an uploaded picture with its caption', async () => {
    const { oa, sent } = client(false);
    await createGmfGroupSender(oa, picture(1000)).send('g1', chart);
    expect(sent).toEqual([{ text: chart.caption, attachment: { type: 'template', payload: { template_type: 'media', elements: [{ media_type: 'image', attachment_id: 'att-1' }] } } }]);
  });

  it('falls back to the caption with its link when Zalo refuses the picture, or the picture is over 1 MB', async () => {
    const refused = client(true);
    expect(await createGmfGroupSender(refused.oa, picture(1000)).send('g1', chart)).toEqual({ messageId: 'm-1' });
    expect(refused.sent).toEqual([{ text: chart.caption }]);
    const big = client(false);
    await createGmfGroupSender(big.oa, picture(maxImageBytes + 1)).send('g1', chart);
    expect(big.sent).toEqual([{ text: chart.caption }]);
  });
});
