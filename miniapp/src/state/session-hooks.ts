import { useSyncExternalStore } from 'react';
import type { Session } from '../api/session';
import { getSession, subscribeSession } from '../api/session';

export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession);
}
