import { randomBytes } from 'node:crypto';
import { computeEventMac } from '../../bot/zalo/verify-signature.ts';
import { testZalo } from '../local/local-zalo-credentials.ts';
import type { SignedDelivery } from './webhook-bench-events.ts';

type SigningOa = { oaId: string; oaSecretKey: string };

/** A redelivery repeats one of the last deliveries, so some arrive while the first is still in flight. */
const redeliveryWindow = 200;
/** Distinct senders in all, as in the webhook bench, whether the events go to one OA or to many. */
const residents = 500;

/**
 * As webhook-bench-events.ts, for several OAs of one Zalo app: `count` signed `user_send_text`
 * deliveries, the i-th to OA i mod n (from one of that OA's residents, 500 in all however many
 * OAs, to that OA, signed with that OA's secret key), with unique msg_ids; about
 * `redeliveryShare` of them repeat an earlier delivery byte for byte, as Zalo does when it retries.
 */
export function signedDeliveriesForOas(oas: SigningOa[], count: number, options: { redeliveryShare: number; firstResident: bigint }): SignedDelivery[] {
  const out: SignedDelivery[] = [];
  const perOa = Math.ceil(residents / oas.length);
  for (let i = 0; i < count; i++) {
    const earlier = out.length > 0 && Math.random() < options.redeliveryShare;
    const repeat = earlier ? out[Math.max(0, out.length - 1 - Math.floor(Math.random() * redeliveryWindow))] : undefined;
    const oa = oas[i % oas.length];
    if (!oa) throw new Error('no OA to send to');
    out.push(repeat ?? freshDelivery(oa, options.firstResident + BigInt(Math.floor(i / oas.length) % perOa)));
  }
  return out;
}

function freshDelivery(oa: SigningOa, resident: bigint): SignedDelivery {
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
