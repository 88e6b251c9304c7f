import { query, request } from './client';
import type { CommuneList, Dashboard, IssuedCode, LinkCode, Target, TargetInput, Team, TeamMember } from './types';

/** `week` is "2026-W48"; `communeId` only matters to province admins and admins, who may look at other communes. */
export function getDashboard(week?: string, communeId?: number): Promise<Dashboard> {
  return request('GET', `/api/dashboard${query({ week, communeId })}`);
}

/** The communes the leader may open, with the week's reporting and overdue requests of each. */
export function listCommunes(week?: string): Promise<CommuneList> {
  return request('GET', `/api/communes${query({ week })}`);
}

export function listTeams(): Promise<{ teams: Team[] }> {
  return request('GET', '/api/teams');
}

export function listTeamMembers(teamId: number): Promise<{ members: TeamMember[] }> {
  return request('GET', `/api/teams/${teamId}/members`);
}

export function confirmMember(memberId: number): Promise<{ member: unknown }> {
  return request('POST', `/api/members/${memberId}/confirm`);
}

export function issueAppCode(memberId: number): Promise<IssuedCode> {
  return request('POST', `/api/members/${memberId}/app-code`);
}

export function issueTeamLinkCode(teamId: number): Promise<LinkCode> {
  return request('POST', `/api/teams/${teamId}/link-code`);
}

export function listTargets(period: string): Promise<{ targets: Target[]; units: { id: number; name: string }[] }> {
  return request('GET', `/api/targets${query({ period })}`);
}

export function saveTarget(body: TargetInput): Promise<{ target: unknown }> {
  return request('PUT', '/api/targets', { body });
}
