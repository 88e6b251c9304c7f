import { storage } from '../platform/storage';

/** A JSON value from storage, or null when it is missing or unreadable (storage is never trusted to crash us). */
export function readStored<T>(key: string): T | null {
  const raw = storage.get(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: unknown): void {
  storage.set(key, JSON.stringify(value));
}
