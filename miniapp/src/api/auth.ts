import { request } from './client';
import type { DevIdentity, LoginResult } from './types';

export function getConfig(): Promise<{ devLogin: boolean }> {
  return request('GET', '/api/config', { auth: false });
}

export type ZaloLogin = { accessToken: string; phoneToken?: string; linkCode?: string };

export function loginWithZalo(body: ZaloLogin): Promise<LoginResult> {
  return request('POST', '/api/auth/zalo', { body, auth: false });
}

export function getDevIdentities(): Promise<{ identities: DevIdentity[] }> {
  return request('GET', '/api/auth/dev/identities', { auth: false });
}

export function loginAsDev(memberId: number): Promise<LoginResult> {
  return request('POST', '/api/auth/dev', { body: { memberId }, auth: false });
}
