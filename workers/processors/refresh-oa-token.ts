import type { ZaloDeps } from '../../bot/deps.ts';
import { defineProcessor } from '../define-processor.ts';

/**
 * Scheduled: renews each active OA's access token well before its 25 h expiry. One OA that needs
 * re-authorising does not keep the others from being renewed; it is logged and counted.
 */
export function refreshOaTokenProcessor(zalo: ZaloDeps) {
  return defineProcessor('refresh-oa-token', async (_payload, { log }) => {
    const results: Record<string, number> = { fresh: 0, refreshed: 0, failed: 0 };
    for (const account of await zalo.directory.all()) {
      const services = account.active ? await zalo.registry.forOa(account.oaId) : null;
      if (!services) continue;
      try {
        const result = await services.tokens.refreshIfDue();
        results[result] = (results[result] ?? 0) + 1;
      } catch (err) {
        results.failed = (results.failed ?? 0) + 1;
        log.warn({ oaId: account.oaId, err }, 'could not renew this OA token');
      }
    }
    log.debug({ results }, 'token check done');
    return results;
  });
}
