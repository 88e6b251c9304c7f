import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { bindTeamGroup } from '../../db/queries/teams.ts';
import { orgUnits, teams } from '../../db/schema/index.ts';

/**
 * Binds teams of the demo commune to made-up GMF groups, as `/lienket` would: by unit name
 * ("Thôn Đông", or "Xã Demo" for the commune) and team kind. Returns the group ids used.
 */
export async function linkTeamGroups(db: Db, links: { unit: string; kind: 'village' | 'commune' | 'commune_leaders'; groupId: string }[]): Promise<void> {
  for (const link of links) {
    const [team] = await db
      .select({ id: teams.id })
      .from(teams)
      .innerJoin(orgUnits, eq(orgUnits.id, teams.unitId))
      .where(and(eq(orgUnits.name, link.unit), eq(teams.kind, link.kind)));
    if (!team) throw new Error(`no ${link.kind} team for ${link.unit}`);
    await bindTeamGroup(db, { teamId: team.id, transport: 'gmf', groupId: link.groupId, at: new Date() });
  }
}
