import { useSyncExternalStore } from 'react';
import type { LoginMethod } from '../api/session';
import { saveSession } from '../api/session';
import type { LoginResult, Me } from '../api/types';
import { clearCache, readCache, writeCache } from './cache';

// Who is logged in, kept with the caches so the menu and greeting show before any request answers.
let current: Me | null = readCache<Me>('me');
const listeners = new Set<() => void>();

export function setMe(me: Me): void {
  current = me;
  writeCache('me', me);
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useMe(): Me | null {
  return useSyncExternalStore(subscribe, () => current);
}

/** Stores a fresh login. Another member's cached screens must not show, so they are dropped first. */
export function startSession(result: LoginResult, via: LoginMethod): void {
  if (current && current.memberId !== result.me.memberId) clearCache();
  setMe(result.me);
  saveSession({ token: result.session, expiresAt: result.expiresAt, via });
}
