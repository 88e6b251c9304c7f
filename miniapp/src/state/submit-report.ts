import { NetworkError } from '../api/client';
import type { NewReport } from '../api/reports';
import { createReport } from '../api/reports';
import { isOnline } from '../platform/online';
import { enqueueReport, flushOutbox } from './outbox';

export type SubmitOutcome = 'sent' | 'queued';

/**
 * Sends a new report, or keeps it on the phone when there is no connection (or no answer), to be
 * sent later with the same clientKey. An error answer from the bot is thrown for the form to show.
 */
export async function submitNewReport(report: NewReport, memberId: number): Promise<SubmitOutcome> {
  const queue = (): SubmitOutcome => {
    enqueueReport({ ...report, memberId, queuedAt: new Date().toISOString() });
    return 'queued';
  };
  if (!isOnline()) return queue();
  try {
    await createReport(report);
  } catch (error) {
    if (error instanceof NetworkError) return queue();
    throw error;
  }
  // The connection evidently works: a good moment to send what waited.
  void flushOutbox(memberId);
  return 'sent';
}
