import type { Db, Tx } from './client.ts';
import { databaseErrorCode } from './error-code.ts';

/**
 * Postgres aborted the transaction to break a deadlock (40P01) or a serialization conflict (40001);
 * running it again is the documented remedy. Two edits of one team's reports at once can deadlock on
 * the monthly totals their triggers keep (migration 0011: an edit that adds a metric locks its total
 * after the others), and the one aborted was answered 500.
 */
const conflictCodes = new Set(['40P01', '40001']);
const defaultAttempts = 3;

/**
 * A transaction run again, up to `attempts` times, when Postgres aborts it for a conflict with another
 * one. `work` must do nothing but database work in `tx`: it may run more than once.
 */
export async function transactionRetryingConflicts<T>(db: Db, work: (tx: Tx) => Promise<T>, attempts = defaultAttempts): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (err) {
      if (attempt >= attempts || !conflictCodes.has(databaseErrorCode(err) ?? '')) throw err;
      // A few milliseconds apart, so the two do not meet again at the same moment.
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}
