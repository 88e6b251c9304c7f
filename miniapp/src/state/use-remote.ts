import { useCallback, useEffect, useRef, useState } from 'react';

export type Remote<T> = {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
};

/**
 * Loads `load()` whenever `key` changes, keeping the last data while a reload runs.
 * Answers of superseded loads are dropped, so a slow old answer never overwrites a newer one.
 * `initial` (read once, e.g. from the cache) is shown until the first answer arrives.
 */
export function useRemote<T>(key: string, load: () => Promise<T>, initial?: () => T | null): Remote<T> {
  const [data, setData] = useState<T | null>(() => initial?.() ?? null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    loadRef.current().then(
      (value) => {
        if (!live) return;
        setData(value);
        setLoading(false);
      },
      (reason: unknown) => {
        if (!live) return;
        setError(reason);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, loading, reload };
}
