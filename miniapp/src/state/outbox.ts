import { useSyncExternalStore } from 'react';
import { ApiError, errorMessage, NetworkError } from '../api/client';
import { createReport } from '../api/reports';
import { getSession } from '../api/session';
import type { Counts } from '../api/types';
import { isOnline } from '../platform/online';
import { readStored, writeStored } from './stored';

/** A report written without a connection, waiting to be sent with the clientKey it got when "Gửi" was pressed. */
export type QueuedReport = {
  clientKey: string;
  /** Only its author's session may send it: a shared phone must not file it under someone else. */
  memberId: number;
  date: string;
  counts: Counts;
  note?: string;
  queuedAt: string;
  /** The bot's refusal (too old, invalid…), shown so the user can drop it. */
  lastError?: string;
};

export type FlushResult = { sent: number; remaining: number; offline: boolean };

type Snapshot = { items: QueuedReport[]; flushing: boolean; delivered: number };

const key = 'cdt.outbox';
let snapshot: Snapshot = { items: readStored<QueuedReport[]>(key) ?? [], flushing: false, delivered: 0 };
const listeners = new Set<() => void>();
let inFlight: Promise<FlushResult> | null = null;

function update(next: Partial<Snapshot>): void {
  snapshot = { ...snapshot, ...next };
  if (next.items) writeStored(key, next.items);
  listeners.forEach((listener) => listener());
}

export function enqueueReport(item: QueuedReport): void {
  update({ items: [...snapshot.items, item] });
}

export function discardReport(clientKey: string): void {
  update({ items: snapshot.items.filter((item) => item.clientKey !== clientKey) });
}

function markFailed(clientKey: string, lastError: string): void {
  update({ items: snapshot.items.map((item) => (item.clientKey === clientKey ? { ...item, lastError } : item)) });
}

// A refusal that will not change by waiting; anything else (no answer, 401, 429, 5xx) is tried again later.
function isFinalRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.status !== 401 && error.status !== 429 && error.status < 500;
}

async function sendAll(memberId: number): Promise<FlushResult> {
  let sent = 0;
  let offline = !isOnline();
  const session = getSession();
  const mine = snapshot.items.filter((item) => item.memberId === memberId);
  for (const item of offline ? [] : mine) {
    // Someone else logged in meanwhile: their session must not carry this member's reports.
    if (getSession() !== session) break;
    // Dropped by the user while an earlier one was sending.
    if (!snapshot.items.some((queued) => queued.clientKey === item.clientKey)) continue;
    try {
      // `duplicate: true` means an earlier attempt did arrive: delivered either way.
      await createReport({ clientKey: item.clientKey, date: item.date, counts: item.counts, note: item.note });
      discardReport(item.clientKey);
      sent += 1;
    } catch (error) {
      if (isFinalRefusal(error)) {
        markFailed(item.clientKey, errorMessage(error));
        continue;
      }
      offline = error instanceof NetworkError;
      break;
    }
  }
  const remaining = snapshot.items.filter((item) => item.memberId === memberId).length;
  return { sent, remaining, offline };
}

/**
 * Sends the member's queued reports one after another, each once. Single-flight: a call while a
 * flush runs gets that flush's result, so no report is ever on the wire twice at the same time.
 */
export function flushOutbox(memberId: number): Promise<FlushResult> {
  if (inFlight) return inFlight;
  update({ flushing: true });
  inFlight = sendAll(memberId)
    // sendAll catches send errors itself; this keeps an unexpected throw from blocking every later flush.
    .catch(() => ({ sent: 0, remaining: snapshot.items.length, offline: false }))
    .then((result) => {
      inFlight = null;
      update({ flushing: false, delivered: snapshot.delivered + result.sent });
      return result;
    });
  return inFlight;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The member's queued reports, whether a flush runs, and a counter that grows when reports get delivered. */
export function useOutbox(memberId: number | undefined): { items: QueuedReport[]; flushing: boolean; delivered: number } {
  const current = useSyncExternalStore(subscribe, () => snapshot);
  return {
    items: current.items.filter((item) => item.memberId === memberId),
    flushing: current.flushing,
    delivered: current.delivered,
  };
}
