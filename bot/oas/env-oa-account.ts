import type { Db } from '../../db/client.ts';
import { upsertOaAccount } from '../../db/queries/oa-accounts.ts';
import { findOrgUnitByCode } from '../../db/queries/org-units.ts';
import type { Config } from '../config.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { OaAccount } from './oa-account.ts';

/**
 * The single-OA environment (ZALO_* and COMMUNE_CODE) as the first OA row, so a deployment from
 * before OAs were data keeps working unchanged. Saved at every start: the environment stays the
 * source of that row's credentials, while an operator's `oa:disable` stays in force. Returns the
 * account to serve, with `communeId` null when the commune is not in the database yet (then it is
 * served from memory and saved at a later start).
 */
export async function saveEnvOaAccount(deps: { db: Db; box: SecretBox; now: Date }, config: Pick<Config, 'zalo' | 'communeCode' | 'outboundRatePerSec'>): Promise<OaAccount | null> {
  const zalo = config.zalo;
  if (!zalo) return null;
  const fromEnv: OaAccount = {
    oaId: zalo.oaId,
    appId: zalo.appId,
    communeId: null,
    name: null,
    appSecret: zalo.appSecret,
    oaSecretKey: zalo.oaSecretKey,
    sendRatePerSec: config.outboundRatePerSec,
    active: true,
  };
  const commune = await findOrgUnitByCode(deps.db, config.communeCode);
  if (!commune) return fromEnv;
  const row = await upsertOaAccount(
    deps.db,
    {
      oaId: zalo.oaId,
      appId: zalo.appId,
      communeId: commune.id,
      appSecretEnc: deps.box.seal(zalo.appSecret),
      oaSecretKeyEnc: deps.box.seal(zalo.oaSecretKey),
      sendRatePerSec: config.outboundRatePerSec,
    },
    { now: deps.now, reactivate: false },
  );
  return { ...fromEnv, communeId: commune.id, name: row.name, active: row.status === 'active' };
}
