import type { Db } from '../../db/client.ts';
import { sql } from 'drizzle-orm';
import { disableOaAccount, findActiveOaOfCommune, findOaAccount, upsertOaAccount } from '../../db/queries/oa-accounts.ts';
import { findOrgUnitByCode } from '../../db/queries/org-units.ts';
import type { Config } from '../config.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Logger } from '../logger.ts';
import type { OaAccount } from './oa-account.ts';

/**
 * The single-OA environment (ZALO_* and COMMUNE_CODE) as the first OA row, so a deployment from
 * before OAs were data keeps working unchanged. Saved at every start: the environment stays the
 * source of that row's credentials, while an operator's `oa:disable` stays in force. Returns the
 * account to serve, with `communeId` null when the commune is not in the database yet (then it is
 * served from memory and saved at a later start).
 *
 * The environment also says which OA speaks for COMMUNE_CODE: unless an operator disabled it, the
 * environment's OA serves that commune, and another OA that served it is disabled (as replaced, with
 * a warning naming it). That is the switch from `npm start`'s local trial (its stand-in OA) to a
 * real OA on the same database and back, and a ZALO_OA_ID changed or put right; refusing it left
 * the new OA unsaved, and every webhook delivery and send failed on the commune's unique index.
 */
export async function saveEnvOaAccount(
  deps: { db: Db; box: SecretBox; now: Date; logger: Logger },
  config: Pick<Config, 'zalo' | 'communeCode' | 'outboundRatePerSec'>,
): Promise<OaAccount | null> {
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
  const { row, replaced } = await deps.db.transaction(async (tx) => {
    // The bot and the workers start together: one of them decides, the other finds it done.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`oa-of-commune:${commune.id}`}))`);
    const saved = await findOaAccount(tx, zalo.oaId);
    // Only an operator's `oa:disable` stands; an OA replaced earlier comes back with the environment.
    const operatorDisabled = saved?.status === 'disabled' && saved.replacedBy === null;
    const serving = await findActiveOaOfCommune(tx, commune.id);
    const replaced = !operatorDisabled && serving !== null && serving.oaId !== zalo.oaId ? serving.oaId : null;
    if (replaced) await disableOaAccount(tx, replaced, deps.now, zalo.oaId);
    const input = { oaId: zalo.oaId, appId: zalo.appId, communeId: commune.id, appSecretEnc: deps.box.seal(zalo.appSecret), oaSecretKeyEnc: deps.box.seal(zalo.oaSecretKey), sendRatePerSec: config.outboundRatePerSec };
    return { row: await upsertOaAccount(tx, input, { now: deps.now, reactivate: !operatorDisabled }), replaced };
  });
  if (replaced) {
    deps.logger.warn(
      { oaId: zalo.oaId, replacedOaId: replaced, commune: commune.code },
      'the ZALO_* OA now serves COMMUNE_CODE; the OA that served it before is disabled (npm run oa:list; npm run oa:add brings it back)',
    );
  }
  return { ...fromEnv, communeId: commune.id, name: row.name, active: row.status === 'active' };
}
