import type { Db } from '../../db/client.ts';
import { findOrgUnitByCode, getOrgUnit } from '../../db/queries/org-units.ts';
import { resetOaToken } from '../../db/queries/oa-tokens.ts';
import { listMembersOfTeam, setMemberZaloIdIfFree } from '../../db/queries/members.ts';
import { bindTeamGroup, listCommunesWithLeaders, listVillageTeamsOfCommune } from '../../db/queries/teams.ts';
import type { TeamRow } from '../../db/queries/teams.ts';
import { demoCommune, seedDemoCommune } from '../../db/seed-demo-commune.ts';
import type { SecretBox } from '../../bot/crypto/secret-box.ts';
import { seedDemoActivity } from '../lib/seed-demo-activity.ts';
import { localMemberZaloId } from './local-scenario.ts';

export type LocalTeam = { team: TeamRow; unitCode: string; groupId: string };
export type LocalData = { communeName: string; communeCode: string; seeded: boolean; teams: LocalTeam[] };

/**
 * What local mode needs in Postgres before the bot starts: the demo commune (seeded when the
 * database does not have it yet), every team of the commune bound to a GMF group of the stand-in,
 * its members known by the Zalo ids the simulator writes with, and the stand-in's refresh token as the OA's current one (the stand-in starts afresh on every run,
 * so a token saved by the previous run would be refused).
 */
export async function prepareLocalData(db: Db, p: { communeCode: string; oaId: string; refreshToken: string; secretBox: SecretBox; now: Date }): Promise<LocalData> {
  let commune = await findOrgUnitByCode(db, p.communeCode);
  let seeded = false;
  if (!commune && p.communeCode === demoCommune.commune.code) {
    await seedDemoCommune(db);
    await seedDemoActivity(db, { today: p.now });
    commune = await findOrgUnitByCode(db, p.communeCode);
    seeded = true;
  }
  if (!commune) throw new Error(`commune ${p.communeCode} is not in the database: import it (npm run units:import) or unset COMMUNE_CODE to try the demo commune`);
  const teams = await bindLocalGroups(db, commune.id, p.now);
  await resetOaToken(db, { oaId: p.oaId, refreshTokenEnc: p.secretBox.seal(p.refreshToken), now: p.now });
  return { communeName: commune.name, communeCode: commune.code, seeded, teams };
}

/** Binds each village team and the leaders' team to a GMF group id of its own (kept if already bound). */
async function bindLocalGroups(db: Db, communeId: number, now: Date): Promise<LocalTeam[]> {
  const leaders = (await listCommunesWithLeaders(db)).filter((c) => c.communeId === communeId).map((c) => c.leadersTeam);
  const all = [...leaders, ...(await listVillageTeamsOfCommune(db, communeId))];
  const out: LocalTeam[] = [];
  for (const team of all) {
    const groupId = team.groupTransport === 'gmf' && team.zaloGroupId ? team.zaloGroupId : `local-group-${team.id}`;
    if (groupId !== team.zaloGroupId) await bindTeamGroup(db, { teamId: team.id, transport: 'gmf', groupId, at: now });
    for (const member of await listMembersOfTeam(db, team.id)) {
      if (!member.zaloUserId) await setMemberZaloIdIfFree(db, { memberId: member.id, teamId: team.id, source: 'oa', zaloUserId: localMemberZaloId(member.id) });
    }
    const unit = await getOrgUnit(db, team.unitId);
    out.push({ team: { ...team, groupTransport: 'gmf', zaloGroupId: groupId }, unitCode: unit.code, groupId });
  }
  return out;
}
