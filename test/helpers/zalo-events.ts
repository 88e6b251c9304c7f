import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { testZalo } from '../../scripts/local/local-zalo-credentials.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'zalo');

/** The exact text of a recorded webhook body. */
export function fixtureText(name: string): string {
  return readFileSync(path.join(fixtures, `${name}.json`), 'utf8');
}

/**
 * A recorded webhook body as if Zalo delivered it now: byte for byte the recording except its
 * timestamp, since an event recorded long ago is (rightly) ignored as too old.
 */
export function fixtureDeliveredNow(name: string): string {
  return fixtureText(name).replace(/("timestamp"\s*:\s*")\d+(")/, `$1${Date.now()}$2`);
}

let counter = 0;

/** A `user_send_text` from `userId` with a fresh msg_id, shaped like Zalo's. */
export function userText(text: string, userId = '6142494823919228012', at = new Date()): Record<string, unknown> {
  counter += 1;
  return {
    app_id: testZalo.appId,
    user_id_by_app: '9791221850460463171',
    event_name: 'user_send_text',
    timestamp: String(at.getTime() + counter),
    sender: { id: userId },
    recipient: { id: testZalo.oaId },
    message: { text, msg_id: randomBytes(10).toString('hex') },
  };
}
