/**
 * Thrown when the row should be tried again later; without `retryAfterMs` the job queue supplies the
 * backoff. `throttled` marks the platform's rate limit, which holds for every message, not just this one.
 */
export class RetryDeliveryError extends Error {
  override name = 'RetryDeliveryError';
  constructor(
    message: string,
    readonly retryAfterMs: number | null,
    readonly throttled = false,
  ) {
    super(message);
  }
}
