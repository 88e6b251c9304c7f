import { useEffect, useSyncExternalStore } from 'react';
import { getMetrics } from '../api/members';
import type { Metric } from '../api/types';
import { readCache, writeCache } from './cache';

type MetricsState = { metrics: Metric[]; loading: boolean; error: unknown };

// The catalogue changes with a release, not during a visit: fetched once per run, cached for the next one.
let state: MetricsState = { metrics: readCache<Metric[]>('metrics') ?? [], loading: false, error: null };
let fetched = false;
const listeners = new Set<() => void>();

function update(next: Partial<MetricsState>): void {
  state = { ...state, ...next };
  listeners.forEach((listener) => listener());
}

function loadMetrics(): void {
  if (state.loading) return;
  update({ loading: true, error: null });
  getMetrics().then(
    ({ metrics }) => {
      fetched = true;
      writeCache('metrics', metrics);
      update({ metrics, loading: false });
    },
    (error: unknown) => update({ loading: false, error }),
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The metric catalogue in display order, from cache at once and refreshed on first use. */
export function useMetrics(): MetricsState & { retry: () => void } {
  const current = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    if (!fetched) loadMetrics();
  }, []);
  return { ...current, retry: loadMetrics };
}
