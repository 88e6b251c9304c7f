import { DeliveryError } from '../domain/outbox/message-transport.ts';
import { OaNeedsReauthError, ZaloApiError, ZaloNotCalledError, ZaloTransportError } from './zalo-errors.ts';
import { describeError } from '../logger.ts';

const reauthRetryMs = 10 * 60_000;

/** What a failed OA API call means for an outbox row (final, retry later, or in doubt). */
export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof ZaloApiError) {
    switch (err.kind) {
      case 'window':
      case 'rejected':
        return new DeliveryError('final', err.message, err.code);
      case 'rate-limit':
        return new DeliveryError('retry', err.message, err.code, 1000);
      case 'auth':
        // The client already refreshed once and retried; a second rejection is not resolved by sending now.
        return new DeliveryError('retry', err.message, err.code, 60_000);
    }
  }
  if (err instanceof OaNeedsReauthError) return new DeliveryError('retry', err.message, null, reauthRetryMs);
  // Backed off like any retry: the OAuth host or Postgres may be away for a while.
  if (err instanceof ZaloNotCalledError) return new DeliveryError('retry', err.message);
  if (err instanceof ZaloTransportError) return new DeliveryError('in-doubt', err.message, err.httpStatus);
  return new DeliveryError('in-doubt', describeError(err));
}

/** Whitespace-insensitive text, for recognising a message in a platform's history. */
export function sameText(a: string | null, b: string | null): boolean {
  const norm = (t: string | null) => (t === null ? null : t.replace(/\s+/g, ' ').trim());
  return norm(a) === norm(b);
}

/**
 * A failure before the send request (its OA not read, its picture not drawn or uploaded): nothing
 * was posted yet, so trying again is safe, and never a send in doubt (which holds the row back to
 * search the history). `what` says which step failed.
 */
export function notSentYet(what: string, err: unknown, retryAfterMs: number | null = null): DeliveryError {
  const failure = toDeliveryError(err);
  return failure.kind === 'retry' ? failure : new DeliveryError('retry', `${what}: ${failure.message}`, failure.code, retryAfterMs);
}

/** A picture not drawn or uploaded before a send: retried a few seconds later. */
export function pictureNotPrepared(err: unknown): DeliveryError {
  return notSentYet('the picture could not be prepared', err, 5000);
}
