import type { Logger } from '../../logger.ts';
import { zcaDuplicateConnection, zcaKickConnection } from './zca-api.ts';
import type { ZcaApi } from './zca-api.ts';
import { zcaGroupMessageSchema } from './zca-stored-message.ts';
import type { ZcaGroupMessage } from './zca-stored-message.ts';

export type ZcaListenerDeps = {
  api: ZcaApi;
  logger: Logger;
  /** Stores a group message durably (and queues it); may throw. */
  store: (message: ZcaGroupMessage) => Promise<void>;
  /** Zalo closed the session because the account was opened elsewhere: nothing more to do here. */
  onOpenedElsewhere: (code: number, reason: string) => void;
  reconnect: { minMs: number; maxMs: number };
};

/**
 * Listens to the personal account's groups. Group messages from others are stored; our own and
 * 1:1 messages (strangers writing to the account) are ignored — the account never answers people.
 * Dropped connections are retried with growing delays; close codes 3000/3003 ("opened elsewhere")
 * stop the listener for good, loudly.
 */
export function runZcaListener(deps: ZcaListenerDeps): { stop: () => void } {
  let stopped = false;
  let delay = deps.reconnect.minMs;
  let timer: NodeJS.Timeout | null = null;
  const log = deps.logger;

  deps.api.listener.on('message', (raw) => {
    const parsed = zcaGroupMessageSchema.safeParse(raw);
    if (!parsed.success) {
      log.debug('zca: not a group message; ignored');
      return;
    }
    if (parsed.data.isSelf) return;
    deps.store(parsed.data).catch((err: unknown) => log.error({ err, msgId: parsed.data.data.msgId }, 'zca: could not store a group message'));
  });
  deps.api.listener.on('connected', () => {
    delay = deps.reconnect.minMs;
    log.info('zca: listener connected');
  });
  deps.api.listener.on('error', (err) => log.warn({ err }, 'zca: listener error'));
  deps.api.listener.on('closed', (code, reason) => {
    if (stopped) return;
    if (code === zcaDuplicateConnection || code === zcaKickConnection) {
      stopped = true;
      log.error(
        { code, reason },
        'zca: Zalo closed the group account because it was opened elsewhere (Zalo Web or another listener). The listener has stopped; close the other session, then run `npm run zalo:login` and start it again.',
      );
      deps.onOpenedElsewhere(code, reason);
      return;
    }
    log.warn({ code, reason, retryInMs: delay }, 'zca: connection closed; reconnecting');
    timer = setTimeout(() => {
      timer = null;
      if (!stopped) deps.api.listener.start({ retryOnClose: false });
    }, delay);
    delay = Math.min(delay * 2, deps.reconnect.maxMs);
  });
  // Reconnects are ours (growing delays, and none after "opened elsewhere"), not zca-js's.
  deps.api.listener.start({ retryOnClose: false });

  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      deps.api.listener.stop();
    },
  };
}
