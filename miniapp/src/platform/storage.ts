import { nativeStorage } from 'zmp-sdk/apis';

type Backend = {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
};

const memory = new Map<string, string>();

const memoryBackend: Backend = {
  get: (key) => memory.get(key) ?? null,
  set: (key, value) => void memory.set(key, value),
  remove: (key) => void memory.delete(key),
};

const nativeBackend: Backend = {
  // The SDK answers "" for a missing key; the app never stores "", so both mean "nothing".
  get: (key) => nativeStorage.getItem(key) || null,
  set: (key, value) => nativeStorage.setItem(key, value),
  remove: (key) => nativeStorage.removeItem(key),
};

const localBackend: Backend = {
  get: (key) => window.localStorage.getItem(key),
  set: (key, value) => window.localStorage.setItem(key, value),
  remove: (key) => window.localStorage.removeItem(key),
};

const probeKey = 'cdt.probe';

/** A backend counts only if a value written can be read back: nativeStorage throws -1404 outside Zalo. */
function works(backend: Backend): boolean {
  try {
    backend.set(probeKey, '1');
    const ok = backend.get(probeKey) === '1';
    backend.remove(probeKey);
    return ok;
  } catch {
    return false;
  }
}

let chosen: Backend | null = null;

// Chosen once, so reads and writes never land in two different places.
function backend(): Backend {
  chosen ??= [nativeBackend, localBackend].find(works) ?? memoryBackend;
  return chosen;
}

/** Writes (null: removals) the backend refused, kept for this run so the app behaves the same until it closes. */
const unsaved = new Map<string, string | null>();

/** Key-value storage that never throws. */
export const storage = {
  get(key: string): string | null {
    if (unsaved.has(key)) return unsaved.get(key) ?? null;
    try {
      return backend().get(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      backend().set(key, value);
      unsaved.delete(key);
    } catch {
      unsaved.set(key, value);
    }
  },
  remove(key: string): void {
    try {
      backend().remove(key);
      unsaved.delete(key);
    } catch {
      unsaved.set(key, null);
    }
  },
};
