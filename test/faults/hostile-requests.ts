import { randomBytes } from 'node:crypto';
import { signedHeaders, testZalo } from '../../scripts/local/local-zalo-credentials.ts';
import type { SimulatedZalo } from './simulated-zalo.ts';

/** A kind of bad request and the answer it must get (never a 5xx). */
type Hostile = { kind: string; expected: number; make: () => { body: string; headers: Record<string, string> } };

const event = (overrides: Record<string, unknown> = {}) => ({
  app_id: testZalo.appId,
  event_name: 'user_send_text',
  timestamp: String(Date.now()),
  sender: { id: '8999999999999999999' },
  recipient: { id: testZalo.oaId },
  message: { text: 'xin chào', msg_id: randomBytes(10).toString('hex') },
  ...overrides,
});
const signed = (body: string) => ({ body, headers: signedHeaders(body) });

function hostileKinds(replayable: () => string | undefined): Hostile[] {
  return [
    { kind: 'malformed JSON', expected: 400, make: () => ({ body: '{"event_name": "user_send_text", ', headers: { 'content-type': 'application/json', 'x-zevent-signature': 'mac=00' } }) },
    { kind: 'oversized body', expected: 413, make: () => signed(JSON.stringify(event({ message: { text: 'a'.repeat(70_000), msg_id: 'big' } }))) },
    { kind: 'bad signature', expected: 401, make: () => ({ body: JSON.stringify(event()), headers: { 'content-type': 'application/json', 'x-zevent-signature': `mac=${randomBytes(32).toString('hex')}` } }) },
    { kind: 'no signature', expected: 401, make: () => ({ body: JSON.stringify(event()), headers: { 'content-type': 'application/json' } }) },
    { kind: 'foreign app', expected: 200, make: () => signed(JSON.stringify(event({ app_id: '999' }))) },
    { kind: 'foreign OA', expected: 200, make: () => signed(JSON.stringify(event({ recipient: { id: '1111111111111111111' } }))) },
    { kind: 'id as JSON number', expected: 400, make: () => signed(JSON.stringify(event({ sender: 'X' })).replace('"X"', '{"id":8999999999999999999}')) },
    { kind: 'NUL character', expected: 400, make: () => signed(JSON.stringify(event({ sender: { id: 'a\u0000b' } }))) },
    { kind: 'nested 5000 deep', expected: 400, make: () => signed(JSON.stringify(event()).replace(/}$/, `,"x":${'{"n":'.repeat(5000)}1${'}'.repeat(5000)}}`)) },
    { kind: 'two days old', expected: 200, make: () => signed(JSON.stringify(event({ timestamp: String(Date.now() - 2 * 86_400_000) }))) },
    { kind: 'replay of an accepted event', expected: 200, make: () => signed(replayable() ?? JSON.stringify(event({ app_id: '999' }))) },
  ];
}

export type HostileResult = { sent: number; wrong: Record<string, number>; fiveHundreds: number; rssKiB: number[] };

/**
 * Sends `total` bad requests, `concurrency` at a time, cycling through every kind; counts answers
 * that differ from the expected one. `sampleRss` is read every 1000 requests.
 */
export async function sendHostileRequests(sim: SimulatedZalo, options: { total: number; concurrency: number; sampleRss: () => number }): Promise<HostileResult> {
  const kinds = hostileKinds(() => {
    const accepted = sim.events.filter((e) => e.accepted);
    return accepted[Math.floor(Math.random() * accepted.length)]?.body;
  });
  const result: HostileResult = { sent: 0, wrong: {}, fiveHundreds: 0, rssKiB: [] };
  let next = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.total) {
        const index = next++;
        const hostile = kinds[index % kinds.length];
        if (!hostile) continue;
        const { body, headers } = hostile.make();
        const status = await sim.post(body, headers);
        result.sent += 1;
        if (status >= 500) result.fiveHundreds += 1;
        if (status !== hostile.expected) result.wrong[`${hostile.kind} → ${status}`] = (result.wrong[`${hostile.kind} → ${status}`] ?? 0) + 1;
        if (result.sent % 1000 === 0) result.rssKiB.push(options.sampleRss());
      }
    }),
  );
  return result;
}
