import type { SignedDelivery } from './webhook-bench-events.ts';
import { freshDelivery } from './webhook-bench-events.ts';

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
