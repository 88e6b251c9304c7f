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

let identitiesAhead: Promise<{ identities: DevIdentity[] }> | null = null;

/**
 * Outside Zalo the login screen asks for the settings and, at the same time, for the development
 * identities: one round trip instead of two on a slow connection. Where the picker is off, the
 * early answer (404) is simply never used.
 */
export function prefetchDevIdentities(): void {
  identitiesAhead ??= getDevIdentities();
  identitiesAhead.catch(() => undefined);
}

/** The identities asked for early, once; later calls ask again. */
export function devIdentities(): Promise<{ identities: DevIdentity[] }> {
  const early = identitiesAhead;
  identitiesAhead = null;
  return early ?? getDevIdentities();
}

export function loginAsDev(memberId: number): Promise<LoginResult> {
  return request('POST', '/api/auth/dev', { body: { memberId }, auth: false });
}
