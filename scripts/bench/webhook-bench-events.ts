import { randomBytes } from 'node:crypto';
import { computeEventMac } from '../../bot/zalo/verify-signature.ts';
import { testZalo } from '../local/local-zalo-credentials.ts';

/** One delivery as Zalo would make it: the exact bytes, their signature and the dedupe key they map to. */
export type SignedDelivery = { body: string; signature: string; key: string };

const residents = 500;
/** A redelivery repeats one of the last deliveries, so some arrive while the first is still in flight. */
const redeliveryWindow = 200;

/**
 * `count` signed `user_send_text` deliveries with unique msg_ids, of which about `redeliveryShare`
 * repeat an earlier delivery byte for byte (what Zalo does when it retries).
 */
export function signedDeliveries(count: number, options: { redeliveryShare: number; firstResident: bigint }): SignedDelivery[] {
  const out: SignedDelivery[] = [];
  for (let i = 0; i < count; i++) {
    const earlier = out.length > 0 && Math.random() < options.redeliveryShare;
    const repeat = earlier ? out[Math.max(0, out.length - 1 - Math.floor(Math.random() * redeliveryWindow))] : undefined;
    out.push(repeat ?? freshDelivery(testZalo, options.firstResident + BigInt(i % residents)));
  }
  return out;
}

/** A new resident's text to `oa`, signed with its key as Zalo would, under its dedupe key. */
export function freshDelivery(oa: { oaId: string; oaSecretKey: string }, resident: bigint): SignedDelivery {
  const timestamp = String(Date.now());
  const msgId = randomBytes(10).toString('hex');
  const body = JSON.stringify({
    app_id: testZalo.appId,
    user_id_by_app: '9791221850460463171',
    event_name: 'user_send_text',
    timestamp,
    sender: { id: String(resident) },
    recipient: { id: oa.oaId },
    message: { text: 'Cho tôi hỏi cách cài VNeID', msg_id: msgId },
  });
  const signature = computeEventMac(testZalo.appId, Buffer.from(body), timestamp, oa.oaSecretKey);
  return { body, signature, key: `oa:${oa.oaId}:user_send_text:${msgId}` };
}
