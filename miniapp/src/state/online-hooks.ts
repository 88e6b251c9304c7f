import { useSyncExternalStore } from 'react';
import { isOnline, onConnectivityChange } from '../platform/online';

export function useOnline(): boolean {
  return useSyncExternalStore(onConnectivityChange, isOnline);
}
