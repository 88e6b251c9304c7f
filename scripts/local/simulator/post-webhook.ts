import { computeEventMac } from '../../../bot/zalo/verify-signature.ts';

/** What signs an event: the app id and the OA Secret Key, exactly as Zalo signs them. */
export type SigningKeys = { appId: string; oaSecretKey: string };

export type WebhookOutcome = { ok: true } | { ok: false; error: string };

/** Long enough for a busy machine, short enough that a hung bot is reported while the user waits. */
const webhookTimeoutMs = 10_000;

/**
 * POSTs one event to the bot's real webhook, signed like Zalo (`x-zevent-signature`), over the exact
 * bytes that were signed. Any answer but 200 comes back as a Vietnamese sentence for the page.
 */
export async function postWebhook(botUrl: string, keys: SigningKeys, event: { timestamp: string }): Promise<WebhookOutcome> {
  const body = JSON.stringify(event);
  const signature = computeEventMac(keys.appId, Buffer.from(body), event.timestamp, keys.oaSecretKey);
  let status: number;
  try {
    const res = await fetch(`${botUrl}/webhooks/zalo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-zevent-signature': signature },
      body,
      signal: AbortSignal.timeout(webhookTimeoutMs),
    });
    status = res.status;
    await res.body?.cancel();
  } catch {
    return { ok: false, error: `Không gửi được: bot không trả lời ở ${botUrl}. Bot có đang chạy không? Thử lại sau ít giây.` };
  }
  return status === 200 ? { ok: true } : { ok: false, error: refusalText(status) };
}

function refusalText(status: number): string {
  if (status === 401) return 'Bot từ chối tin (401: sai chữ ký). Khóa OA của trình mô phỏng không khớp với cấu hình của bot.';
  if (status === 503) return 'Bot chưa nhận tin lúc này (503): Postgres hoặc Redis chưa sẵn sàng, hoặc bot chưa có thông tin Zalo. Thử lại sau ít giây.';
  if (status === 400) return 'Bot không đọc được tin này (400). Đây là lỗi của trình mô phỏng, xin báo lại cho nhóm phát triển.';
  return `Bot trả lời lỗi ${status}. Xem nhật ký của bot để biết thêm.`;
}
