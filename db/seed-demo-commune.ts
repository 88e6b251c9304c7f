import type { Db } from './client.ts';
import { insertMemberIfMissing } from './queries/members.ts';
import { upsertOrgUnit } from './queries/org-units.ts';
import { upsertTeam } from './queries/teams.ts';

/** The demo commune: enough structure to try every flow locally. Names are invented. */
export const demoCommune = {
  province: { code: 'demo-tinh', name: 'Tỉnh Demo' },
  commune: { code: 'demo-xa', name: 'Xã Demo' },
  villages: [
    { code: 'demo-xa-thon-dong', name: 'Thôn Đông', members: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'] },
    { code: 'demo-xa-thon-tay', name: 'Thôn Tây', members: ['Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang'] },
    { code: 'demo-xa-thon-bac', name: 'Thôn Bắc', members: ['Đặng Văn Hải', 'Bùi Thị Hoa'] },
    { code: 'demo-xa-to-dan-pho-1', name: 'Tổ dân phố 1', members: ['Đỗ Văn Khánh', 'Ngô Thị Lan'] },
  ],
  leaders: [
    { name: 'Chủ tịch UBND xã Demo', role: 'commune_leader' },
    { name: 'Cán bộ văn hóa - xã hội', role: 'admin' },
  ],
} as const;

const mergerDate = '2025-07-01';

/**
 * Creates the demo commune idempotently: running it again changes nothing. The first name of each
 * village list is that team's leader. Returns the commune's id.
 */
export async function seedDemoCommune(db: Db): Promise<{ communeId: number }> {
  return db.transaction(async (tx) => {
    const province = await upsertOrgUnit(tx, { ...demoCommune.province, kind: 'province', validFrom: mergerDate });
    const commune = await upsertOrgUnit(tx, { ...demoCommune.commune, kind: 'commune', parentId: province.id, validFrom: mergerDate });
    for (const village of demoCommune.villages) {
      const unit = await upsertOrgUnit(tx, { code: village.code, name: village.name, kind: 'village', parentId: commune.id, validFrom: mergerDate });
      const team = await upsertTeam(tx, { unitId: unit.id, kind: 'village', name: `Tổ CNSCĐ ${village.name}` });
      for (const [index, name] of village.members.entries()) {
        await insertMemberIfMissing(tx, { teamId: team.id, displayName: name, role: index === 0 ? 'team_leader' : 'member' });
      }
    }
    const leaders = await upsertTeam(tx, { unitId: commune.id, kind: 'commune_leaders', name: `Lãnh đạo ${demoCommune.commune.name}` });
    for (const leader of demoCommune.leaders) {
      await insertMemberIfMissing(tx, { teamId: leaders.id, displayName: leader.name, role: leader.role });
    }
    return { communeId: commune.id };
  });
}
