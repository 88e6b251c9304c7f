import { storage } from '../platform/storage';

/** How the session was opened: a development identity can be swapped for another one. */
export type LoginMethod = 'zalo' | 'dev';
export type Session = { token: string; expiresAt: string; via: LoginMethod };

/** Also read by index.html, whose early requests are only for someone not logged in. */
const key = 'cdt.session';
const listeners = new Set<() => void>();

function read(): Session | null {
  const raw = storage.get(key);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    // An expired session would only earn a 401; dropping it now goes straight to login.
    // An unreadable date is left for the bot to judge.
    return Date.parse(session.expiresAt) <= Date.now() ? null : session;
  } catch {
    return null;
  }
}

let current: Session | null = read();

function publish(next: Session | null): void {
  current = next;
  listeners.forEach((listener) => listener());
}

export function getSession(): Session | null {
  return current;
}

export function saveSession(session: Session): void {
  storage.set(key, JSON.stringify(session));
  publish(session);
}

export function clearSession(): void {
  storage.remove(key);
  publish(null);
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
