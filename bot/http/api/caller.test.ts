import { describe, expect, it } from 'vitest';
import type { MemberRow } from '../../../db/queries/members.ts';
import type { OrgUnitRow } from '../../../db/queries/org-units.ts';
import type { TeamRow } from '../../../db/queries/teams.ts';
import type { Caller } from './caller.ts';
import { canManage, isLeader, leadsCommune, seesManyCommunes, teamAccess } from './caller.ts';

// Two provinces: communes 11 and 12 in province 1, commune 21 in province 2, and commune 31 without one.
const unit = (id: number, kind: OrgUnitRow['kind'], parentId: number | null): OrgUnitRow => ({
  id, code: `u-${id}`, name: `Unit ${id}`, kind, parentId, validFrom: '2025-07-01', validTo: null, successorId: null, createdAt: new Date(0),
});
const province1 = unit(1, 'province', null);
const commune11 = unit(11, 'commune', 1);
const village111 = unit(111, 'village', 11);

function caller(role: MemberRow['role'], at: { unit: OrgUnitRow; commune: OrgUnitRow; province: OrgUnitRow | null; teamId: number }): Caller {
  const team: TeamRow = { id: at.teamId, unitId: at.unit.id, kind: at.unit.kind === 'village' ? 'village' : 'commune_leaders', name: `Team ${at.teamId}`, zaloGroupId: null, groupTransport: null, groupOaId: null, groupLinkedAt: null, createdAt: new Date(0) };
  const member: MemberRow = { id: 1, teamId: at.teamId, displayName: role, role, zaloUserId: null, zaloIdSource: null, phone: null, miniappUserId: null, verified: true, createdAt: new Date(0) };
  return { member, team, unit: at.unit, commune: at.commune, province: at.province };
}

const atLeaders = { unit: commune11, commune: commune11, province: province1, teamId: 100 };
const provinceAdmin = caller('province_admin', atLeaders);
const communeLeader = caller('commune_leader', atLeaders);
const admin = caller('admin', atLeaders);
const teamLeader = caller('team_leader', { unit: village111, commune: commune11, province: province1, teamId: 101 });
const member = caller('member', { unit: village111, commune: commune11, province: province1, teamId: 101 });

const sameCommune = { communeId: 11, provinceId: 1 };
const sameProvince = { communeId: 12, provinceId: 1 };
const otherProvince = { communeId: 21, provinceId: 2 };
const noProvince = { communeId: 31, provinceId: null };

describe('who leads which commune', () => {
  it('a province admin leads every commune of their province and none elsewhere', () => {
    expect(leadsCommune(provinceAdmin, sameCommune)).toBe(true);
    expect(leadsCommune(provinceAdmin, sameProvince)).toBe(true);
    expect(leadsCommune(provinceAdmin, otherProvince)).toBe(false);
    expect(leadsCommune(provinceAdmin, noProvince)).toBe(false);
  });

  it('a province admin whose commune has no province leads that commune only (no null = null match)', () => {
    const stray = caller('province_admin', { unit: unit(31, 'commune', null), commune: unit(31, 'commune', null), province: null, teamId: 300 });
    expect(leadsCommune(stray, noProvince)).toBe(true);
    expect(leadsCommune(stray, { communeId: 32, provinceId: null })).toBe(false);
    expect(leadsCommune(stray, sameCommune)).toBe(false);
  });

  it('a commune leader leads their commune only; an admin every commune; team leaders and members none', () => {
    expect(leadsCommune(communeLeader, sameCommune)).toBe(true);
    expect(leadsCommune(communeLeader, sameProvince)).toBe(false);
    expect([sameCommune, sameProvince, otherProvince, noProvince].every((p) => leadsCommune(admin, p))).toBe(true);
    expect(leadsCommune(teamLeader, sameCommune)).toBe(false);
    expect(leadsCommune(member, sameCommune)).toBe(false);
  });

  it('roles: province admins and admins pick communes; every leader has the dashboard and manages teams', () => {
    expect([provinceAdmin, admin].every(seesManyCommunes)).toBe(true);
    expect([communeLeader, teamLeader, member].some(seesManyCommunes)).toBe(false);
    expect([provinceAdmin, communeLeader, admin].every(isLeader)).toBe(true);
    expect([teamLeader, member].some(isLeader)).toBe(false);
    expect([provinceAdmin, communeLeader, admin, teamLeader].every(canManage)).toBe(true);
    expect(canManage(member)).toBe(false);
  });
});

describe('teamAccess', () => {
  const team = (id: number, place: { communeId: number; provinceId: number | null }) => ({ id, ...place });

  it('a province admin sees and manages any team of the province; another province’s is not found', () => {
    for (const action of ['see', 'manage'] as const) {
      expect(teamAccess(provinceAdmin, team(101, sameCommune), action)).toBe('ok');
      expect(teamAccess(provinceAdmin, team(201, sameProvince), action)).toBe('ok');
      expect(teamAccess(provinceAdmin, team(301, otherProvince), action)).toBe('not-found');
    }
  });

  it('a commune leader: their commune’s teams; a neighbouring commune of the same province is not found', () => {
    expect(teamAccess(communeLeader, team(101, sameCommune), 'manage')).toBe('ok');
    expect(teamAccess(communeLeader, team(201, sameProvince), 'see')).toBe('not-found');
    expect(teamAccess(communeLeader, team(301, otherProvince), 'see')).toBe('not-found');
  });

  it('a team leader manages their own team; a member sees it; another team of the commune is forbidden, of another commune not found', () => {
    expect(teamAccess(teamLeader, team(101, sameCommune), 'manage')).toBe('ok');
    expect(teamAccess(member, team(101, sameCommune), 'see')).toBe('ok');
    expect(teamAccess(member, team(101, sameCommune), 'manage')).toBe('forbidden');
    expect(teamAccess(teamLeader, team(102, sameCommune), 'see')).toBe('forbidden');
    expect(teamAccess(teamLeader, team(201, sameProvince), 'see')).toBe('not-found');
    expect(teamAccess(member, team(301, otherProvince), 'see')).toBe('not-found');
  });
});
