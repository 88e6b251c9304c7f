import type { ZaloDeps } from '../../bot/deps.ts';
import { defineProcessor } from '../define-processor.ts';

/** Scheduled: renews the OA access token well before its 25 h expiry. */
export function refreshOaTokenProcessor(zalo: ZaloDeps) {
  return defineProcessor('refresh-oa-token', async (_payload, { log }) => {
    const result = await zalo.tokens.refreshIfDue();
    log.debug({ result }, 'token check done');
    return result;
  });
}
