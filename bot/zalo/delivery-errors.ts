import { DeliveryError } from '../domain/outbox/message-transport.ts';
import { OaNeedsReauthError, ZaloApiError, ZaloTransportError } from './zalo-errors.ts';

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
  if (err instanceof ZaloTransportError) return new DeliveryError('in-doubt', err.message, err.httpStatus);
  return new DeliveryError('in-doubt', String(err));
}

/** Whitespace-insensitive text, for recognising a message in a platform's history. */
export function sameText(a: string | null, b: string | null): boolean {
  const norm = (t: string | null) => (t === null ? null : t.replace(/\s+/g, ' ').trim());
  return norm(a) === norm(b);
}
