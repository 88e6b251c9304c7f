import { randomBytes, randomInt } from 'node:crypto';
import { signedHeaders, testZalo } from '../../scripts/local/local-zalo-credentials.ts';

/** One resident message as Zalo delivers it; a retry sends the very same bytes. */
export type SentEvent = { userId: string; msgId: string; body: string; accepted: boolean; statuses: number[] };

/** Personal numbers written into messages, so the suite can look for them afterwards. */
export type Secrets = { cccd: string[]; otp: string[]; phones: string[] };

/**
 * Stands in for Zalo's webhook delivery: signs each event, retries it on anything but a 2xx or a
 * 4xx (a 503, a refused connection) with growing waits, the way Zalo redelivers, and records every
 * status seen. Residents write in turn; one resident's next message waits for the previous one to
 * be accepted, as a person waits to see their message sent.
 */
export class SimulatedZalo {
  readonly events: SentEvent[] = [];
  readonly secrets: Secrets = { cccd: [], otp: [], phones: [] };

  constructor(
    private readonly baseUrl: () => string,
    private readonly retryForMs = 180_000,
  ) {}

  /** `residents` people writing `perResident` messages each, about `perSecond` messages a second in all. */
  async residentsWrite(params: { firstUserId: bigint; residents: number; perResident: number; perSecond: number }): Promise<void> {
    const gapMs = (1000 * params.residents) / params.perSecond;
    await Promise.all(
      Array.from({ length: params.residents }, async (_, r) => {
        const userId = String(params.firstUserId + BigInt(r));
        await sleep((r * 1000) / params.perSecond);
        for (let m = 0; m < params.perResident; m++) {
          const started = Date.now();
          await this.deliver(userId, this.residentText(m));
          await sleep(Math.max(0, gapMs - (Date.now() - started)));
        }
      }),
    );
  }

  /** Delivers one resident text until it is answered 2xx or 4xx, or the retry time runs out. */
  async deliver(userId: string, text: string): Promise<SentEvent> {
    const msgId = randomBytes(10).toString('hex');
    const body = JSON.stringify({
      app_id: testZalo.appId,
      user_id_by_app: '9791221850460463171',
      event_name: 'user_send_text',
      timestamp: String(Date.now()),
      sender: { id: userId },
      recipient: { id: testZalo.oaId },
      message: { text, msg_id: msgId },
    });
    const event: SentEvent = { userId, msgId, body, accepted: false, statuses: [] };
    this.events.push(event);
    const until = Date.now() + this.retryForMs;
    let waitMs = 250;
    while (Date.now() < until) {
      const status = await this.post(body);
      event.statuses.push(status);
      if (status >= 200 && status < 300) {
        event.accepted = true;
        return event;
      }
      if (status >= 400 && status < 500) return event;
      await sleep(waitMs);
      waitMs = Math.min(waitMs * 2, 3000);
    }
    return event;
  }

  /** One POST; 0 stands for "no HTTP answer" (refused or reset connection). */
  async post(body: string, headers: Record<string, string> = signedHeaders(body)): Promise<number> {
    try {
      const res = await fetch(`${this.baseUrl()}/webhooks/zalo`, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      return res.status;
    } catch {
      return 0;
    }
  }

  /** What residents ask, some of it with an ID number, a one-time code or a phone number inside. */
  private residentText(index: number): string {
    const cccd = `0${randomInt(10, 99)}${randomInt(100_000_000, 999_999_999)}`;
    const otp = String(randomInt(100_000, 999_999));
    const phone = `09${randomInt(10_000_000, 99_999_999)}`;
    const texts = [
      'Chào xã ạ',
      'cài vneid thế nào',
      `Có người gọi xưng công an bảo đọc mã OTP ${otp}, số CCCD của tôi là ${cccd}, có sao không?`,
      'định danh mức 2 là gì',
      `số điện thoại của tôi là ${phone}, nhờ xã gọi lại`,
      'cảm ơn xã nhiều',
    ];
    const text = texts[index % texts.length] ?? texts[0] ?? '';
    if (text.includes(cccd)) this.secrets.cccd.push(cccd);
    if (text.includes(otp)) this.secrets.otp.push(otp);
    if (text.includes(phone)) this.secrets.phones.push(phone);
    return text;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
