import type { Db } from '../../db/client.ts';
import { findActiveOaOfCommune, upsertOaAccount } from '../../db/queries/oa-accounts.ts';
import type { OaAccountRow } from '../../db/queries/oa-accounts.ts';
import { resetOaToken } from '../../db/queries/oa-tokens.ts';
import { findOrgUnitByCode } from '../../db/queries/org-units.ts';
import type { SecretBox } from '../crypto/secret-box.ts';

export type NewOaAccount = {
  communeCode: string;
  oaId: string;
  appId: string;
  appSecret: string;
  oaSecretKey: string;
  refreshToken: string;
  sendRatePerSec: number;
  name: string | null;
};

export class OaAccountError extends Error {
  override name = 'OaAccountError';
}

const zaloId = /^\d{1,25}$/;

/**
 * `oa:add`: an OA starts serving a commune. Its secrets are sealed, its refresh token replaces any
 * earlier one (a re-authorised OA is added again), all in one transaction. Refuses a commune that
 * another active OA already serves: its residents would not know which one answers.
 */
export async function addOaAccount(deps: { db: Db; box: SecretBox; now: Date }, input: NewOaAccount): Promise<OaAccountRow> {
  if (!zaloId.test(input.oaId)) throw new OaAccountError(`OA id "${input.oaId}" should be the digits Zalo shows (e.g. 3662729599332560487)`);
  if (!zaloId.test(input.appId)) throw new OaAccountError(`app id "${input.appId}" should be digits`);
  if (!(input.sendRatePerSec > 0 && input.sendRatePerSec <= 66)) throw new OaAccountError('the send rate must be between 1 and 66 a second (Zalo allows 4,000 a minute per OA)');
  for (const [what, value] of [['app secret', input.appSecret], ['OA secret key', input.oaSecretKey], ['refresh token', input.refreshToken]] as const) {
    if (value.trim().length === 0) throw new OaAccountError(`the ${what} is missing`);
  }
  return deps.db.transaction(async (tx) => {
    const commune = await findOrgUnitByCode(tx, input.communeCode);
    if (!commune || commune.kind !== 'commune') throw new OaAccountError(`no commune with code "${input.communeCode}" (npm run units:import first)`);
    const serving = await findActiveOaOfCommune(tx, commune.id);
    if (serving && serving.oaId !== input.oaId) throw new OaAccountError(`${commune.name} is already served by OA ${serving.oaId}; disable it first (npm run oa:disable -- ${serving.oaId})`);
    const row = await upsertOaAccount(
      tx,
      {
        oaId: input.oaId,
        appId: input.appId,
        communeId: commune.id,
        name: input.name,
        appSecretEnc: deps.box.seal(input.appSecret),
        oaSecretKeyEnc: deps.box.seal(input.oaSecretKey),
        sendRatePerSec: input.sendRatePerSec,
      },
      { now: deps.now, reactivate: true },
    );
    await resetOaToken(tx, { oaId: input.oaId, refreshTokenEnc: deps.box.seal(input.refreshToken), now: deps.now });
    return row;
  });
}
