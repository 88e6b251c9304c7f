import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { findOrgUnitByCode } from '../../db/queries/org-units.ts';
import { findTeamOfUnit, listVillageTeamsOfCommune } from '../../db/queries/teams.ts';
import type { TeamRow } from '../../db/queries/teams.ts';
import { members } from '../../db/schema/index.ts';
import type { MemberRow } from '../../db/queries/members.ts';
import { demoCommune } from '../../db/seed-demo-commune.ts';

/** Someone who writes in a team's Zalo group, as the simulator lets a newcomer play them. */
export type ScenarioMember = {
  /** OA-scoped Zalo id, the one GMF group events carry. */
  zaloUserId: string;
  name: string;
  role: MemberRow['role'];
  /**
   * False when the member has no OA-scoped Zalo id in the database and the id above was invented:
   * the bot then adds them to the team as a new, unverified member on their first message.
   */
  knownToBot: boolean;
};

export type ScenarioGroup = {
  /** The GMF group id the team is bound to (`teams.zalo_group_id`). */
  groupId: string;
  /** The team's name, e.g. "Tổ CNSCĐ Thôn Đông" or "Lãnh đạo Xã Demo". */
  name: string;
  kind: 'team' | 'leaders';
  members: ScenarioMember[];
};

/** A made-up resident who writes to the commune's OA. */
export type ScenarioResident = {
  zaloUserId: string;
  /** How the simulator labels them, e.g. "Bà Lan (người dân)". */
  label: string;
  /** What Zalo's "share your details" form would send for them. */
  sharedName: string;
  sharedPhone: string;
};

/** Who the simulated people are: read once from the seeded database when the simulator starts. */
export type LocalScenario = {
  commune: { code: string; name: string };
  /** Team groups first (by name), then the commune leaders' group. Only GMF-linked teams appear. */
  groups: ScenarioGroup[];
  residents: ScenarioResident[];
};

/** Invented residents: stable ids so a restarted simulator continues the same conversations. */
const residents: ScenarioResident[] = [
  { zaloUserId: '5200000000000000001', label: 'Bà Lan (người dân)', sharedName: 'Nguyễn Thị Lan', sharedPhone: '84912000001' },
  { zaloUserId: '5200000000000000002', label: 'Ông Bảy (người dân)', sharedName: 'Trần Văn Bảy', sharedPhone: '84912000002' },
  { zaloUserId: '5200000000000000003', label: 'Chị Mai (người dân)', sharedName: 'Lê Thị Mai', sharedPhone: '84912000003' },
];

/**
 * The Zalo id the simulator gives a member who has none stored: a fixed 19-digit id derived from
 * the member's row id. A launcher may store these same ids on the seeded members (source 'oa') so
 * the bot recognises them; the scenario then reads them back unchanged.
 */
export function localMemberZaloId(memberId: number): string {
  return `71${String(memberId).padStart(17, '0')}`;
}

/**
 * Reads (never writes) the commune's linked groups and their members. Groups reached through the
 * personal account (zca) are left out: only OA-owned groups send events to the OA's webhook.
 */
export async function buildLocalScenario(db: Db, options: { communeCode?: string } = {}): Promise<LocalScenario> {
  const code = options.communeCode ?? demoCommune.commune.code;
  const commune = await findOrgUnitByCode(db, code);
  if (!commune) throw new Error(`commune ${code} is not in the database: seed it first (npm run db:seed)`);
  const villageTeams = await listVillageTeamsOfCommune(db, commune.id);
  const communeTeam = await findTeamOfUnit(db, { unitId: commune.id, kind: 'commune' });
  const leadersTeam = await findTeamOfUnit(db, { unitId: commune.id, kind: 'commune_leaders' });
  const teamGroups = [...villageTeams, ...(communeTeam ? [communeTeam] : [])].filter(isGmfLinked);
  const groups: ScenarioGroup[] = [];
  for (const team of teamGroups) groups.push(await groupOf(db, team, 'team'));
  if (leadersTeam && isGmfLinked(leadersTeam)) groups.push(await groupOf(db, leadersTeam, 'leaders'));
  return { commune: { code: commune.code, name: commune.name }, groups, residents };
}

function isGmfLinked(team: TeamRow): team is TeamRow & { zaloGroupId: string } {
  return team.groupTransport === 'gmf' && team.zaloGroupId !== null;
}

async function groupOf(db: Db, team: TeamRow & { zaloGroupId: string }, kind: ScenarioGroup['kind']): Promise<ScenarioGroup> {
  const rows = await db.select().from(members).where(eq(members.teamId, team.id)).orderBy(members.id);
  return { groupId: team.zaloGroupId, name: team.name, kind, members: scenarioMembers(rows) };
}

const roleOrder: Record<MemberRow['role'], number> = { team_leader: 0, commune_leader: 0, province_admin: 1, admin: 1, member: 2 };

/**
 * Leaders first. A member the bot added on a first message (in an earlier run) carries the invented
 * id of the seeded member they stand for: the two are one person, so only the seeded row is shown,
 * and the bot knows that id.
 */
function scenarioMembers(rows: MemberRow[]): ScenarioMember[] {
  const storedIds = new Set(rows.flatMap((r) => (r.zaloIdSource === 'oa' && r.zaloUserId ? [r.zaloUserId] : [])));
  const shown = new Set<string>();
  const out: ScenarioMember[] = [];
  for (const row of [...rows].sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.id - b.id)) {
    const zaloUserId = (row.zaloIdSource === 'oa' ? row.zaloUserId : null) ?? localMemberZaloId(row.id);
    if (shown.has(zaloUserId)) continue;
    shown.add(zaloUserId);
    out.push({ zaloUserId, name: row.displayName, role: row.role, knownToBot: storedIds.has(zaloUserId) });
  }
  return out;
}
