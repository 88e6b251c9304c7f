import { storage } from '../platform/storage';
import { readStored, writeStored } from './stored';

/**
 * The last answers of the routes the first screen needs, so it can draw before the network answers.
 * They belong to one member: logging in as someone else drops them.
 */
export type CacheName = 'home' | 'metrics' | 'me';
const names: CacheName[] = ['home', 'metrics', 'me'];

const keyOf = (name: CacheName) => `cdt.cache.${name}`;

export function readCache<T>(name: CacheName): T | null {
  return readStored<T>(keyOf(name));
}

export function writeCache(name: CacheName, value: unknown): void {
  writeStored(keyOf(name), value);
}

export function clearCache(): void {
  names.forEach((name) => storage.remove(keyOf(name)));
}
