import type { Db } from '../../db/client.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { GroupPictures } from '../domain/outbox/drawn-pictures.ts';
import type { MessageTransport } from '../domain/outbox/message-transport.ts';
import type { Logger } from '../logger.ts';
import { createGmfGroupSender } from '../zalo/gmf-group-sender.ts';
import type { GroupSender } from '../zalo/group-sender.ts';
import { createImageAttachments } from '../zalo/image-attachments.ts';
import { createOaClient } from '../zalo/oa-client.ts';
import type { OaClient } from '../zalo/oa-client.ts';
import { createOaTransport } from '../zalo/oa-transport.ts';
import { createOAuthClient } from '../zalo/oauth-client.ts';
import { createTokenManager } from '../zalo/token-manager.ts';
import type { TokenManager } from '../zalo/token-manager.ts';
import type { OaAccount } from './oa-account.ts';
import type { OaDirectory } from './oa-directory.ts';

/** What talking to Zalo as one OA takes: its tokens, its client, and its senders. */
export type OaServices = { account: OaAccount; tokens: TokenManager; oaClient: OaClient; oaTransport: MessageTransport; gmf: GroupSender };

export type OaServiceRegistry = {
  directory: OaDirectory;
  /**
   * The services of an active OA, made once per process and remade when its credentials change.
   * `null` asks for the deployment's only active OA (rows written before OAs were data). Null when
   * the OA is unknown or disabled.
   */
  forOa: (oaId: string | null) => Promise<OaServices | null>;
};

export type OaServiceDeps = {
  db: Db;
  box: SecretBox;
  clock: Clock;
  logger: Logger;
  config: Pick<Config, 'zaloUrls' | 'zalo' | 'tokenRefreshMarginMs'>;
  directory: OaDirectory;
  pictures: GroupPictures;
};

export function createOaServiceRegistry(deps: OaServiceDeps): OaServiceRegistry {
  const made = new Map<string, OaServices>();

  async function accountFor(oaId: string | null): Promise<OaAccount | null> {
    if (oaId !== null) return deps.directory.find(oaId);
    const active = (await deps.directory.all()).filter((a) => a.active);
    return active.length === 1 ? (active[0] ?? null) : null;
  }

  return {
    directory: deps.directory,
    async forOa(oaId) {
      const account = await accountFor(oaId);
      if (!account?.active) return null;
      const known = made.get(account.oaId);
      if (known && sameCredentials(known.account, account)) return known;
      const services = makeServices(deps, account);
      made.set(account.oaId, services);
      return services;
    },
  };
}

function sameCredentials(a: OaAccount, b: OaAccount): boolean {
  return a.appId === b.appId && a.appSecret === b.appSecret;
}

function makeServices(deps: OaServiceDeps, account: OaAccount): OaServices {
  const urls = deps.config.zaloUrls;
  const oauth = createOAuthClient({ oauthUrl: urls.oauthUrl, appId: account.appId, appSecret: account.appSecret, timeoutMs: urls.httpTimeoutMs });
  const env = deps.config.zalo;
  const tokens = createTokenManager({
    db: deps.db,
    oauth,
    box: deps.box,
    clock: deps.clock,
    // The token manager names its OA in each line; bound here too, it appeared twice.
    logger: deps.logger.child({ component: 'oa-token' }),
    oaId: account.oaId,
    // Only the environment's OA has a first refresh token outside the database.
    initialRefreshToken: env && env.oaId === account.oaId ? env.initialRefreshToken : null,
    marginMs: deps.config.tokenRefreshMarginMs,
  });
  const oaClient = createOaClient({ openApiUrl: urls.openApiUrl, timeoutMs: urls.httpTimeoutMs }, tokens);
  const images = createImageAttachments({ db: deps.db, client: oaClient, clock: deps.clock, oaId: account.oaId });
  return { account, tokens, oaClient, oaTransport: createOaTransport(oaClient, images), gmf: createGmfGroupSender(oaClient, deps.pictures) };
}
