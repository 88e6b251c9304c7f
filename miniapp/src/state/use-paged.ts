import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/types';

export type Paged<T> = {
  items: T[];
  hasMore: boolean;
  /** True while the first page loads; `loadingMore` covers "Xem thêm". */
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
  /** Puts a changed item (claimed, withdrawn…) in place of the one with its id. */
  replace: (item: T) => void;
};

/** A cursor-paginated list ("Xem thêm"), restarted whenever `key` changes. */
export function usePaged<T extends { id: number }>(key: string, loadPage: (cursor: number | null) => Promise<Page<T>>): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(loadPage);
  loadRef.current = loadPage;
  // Bumped on every restart, so a "Xem thêm" answer from before a reload is dropped.
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    setLoading(true);
    setLoadingMore(false);
    setError(null);
    loadRef.current(null).then(
      (page) => {
        if (mine !== generation.current) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (reason: unknown) => {
        if (mine !== generation.current) return;
        setError(reason);
        setLoading(false);
      },
    );
  }, [key, attempt]);

  const loadMore = useCallback(() => {
    if (cursor === null || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    setError(null);
    loadRef.current(cursor).then(
      (page) => {
        if (mine !== generation.current) return;
        // A row that moved between pages while reading must not show twice.
        setItems((previous) => [...previous, ...page.items.filter((item) => !previous.some((p) => p.id === item.id))]);
        setCursor(page.nextCursor);
        setLoadingMore(false);
      },
      (reason: unknown) => {
        if (mine !== generation.current) return;
        setError(reason);
        setLoadingMore(false);
      },
    );
  }, [cursor, loadingMore]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((item: T) => setItems((previous) => previous.map((p) => (p.id === item.id ? item : p))), []);

  return { items, hasMore: cursor !== null, loading, loadingMore, error, loadMore, reload, replace };
}
