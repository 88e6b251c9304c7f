import type { DbOrTx } from '../../db/client.ts';
import { getOrgUnit } from '../../db/queries/org-units.ts';
import type { TeamRow } from '../../db/queries/teams.ts';
import { texts } from './texts.vi.ts';

/**
 * Who will help, in words a resident knows: "Tổ công nghệ số thôn Đông", never the internal
 * "Tổ CNSCĐ Thôn Đông"; a commune team or the leaders' group is named after the commune.
 */
export async function teamNameForResidents(db: DbOrTx, team: TeamRow): Promise<string> {
  const unit = await getOrgUnit(db, team.unitId);
  switch (team.kind) {
    case 'village':
      return texts.villageTeam(lowerFirst(unit.name));
    case 'commune':
      return texts.communeTeam(unit.name);
    case 'commune_leaders':
      return texts.communeStaff(unit.name);
  }
}

/** "Thôn Đông" → "thôn Đông": a place kind reads lower-case inside a sentence. */
function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
