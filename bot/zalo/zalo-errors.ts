/**
 * Zalo answers errors inside HTTP 200 with `error ≠ 0`. These classes carry the code and what to
 * do about it (docs/platform-facts.md, "Send API").
 */
export type ZaloErrorKind =
  /** The user is outside the consultation window, blocked the OA, etc.: final, do not retry. */
  | 'window'
  /** The access token was rejected: refresh once, then retry once. */
  | 'auth'
  /** Too many calls: back off and retry. */
  | 'rate-limit'
  /** Anything else Zalo refused on purpose: retrying cannot help. */
  | 'rejected';

const windowCodes = new Set([-213, -217, -227, -230, -232, -244]);
const authCodes = new Set([-216, -220]);
const rateLimitCodes = new Set([-32]);

export function classifyZaloError(code: number): ZaloErrorKind {
  if (windowCodes.has(code)) return 'window';
  if (authCodes.has(code)) return 'auth';
  if (rateLimitCodes.has(code)) return 'rate-limit';
  return 'rejected';
}

/** Zalo received the call and refused it. The request had no effect. */
export class ZaloApiError extends Error {
  override name = 'ZaloApiError';
  readonly kind: ZaloErrorKind;
  constructor(
    readonly code: number,
    message: string,
    readonly endpoint: string,
  ) {
    super(`Zalo ${endpoint} error ${code}: ${message}`);
    this.kind = classifyZaloError(code);
  }
}

/**
 * The call did not come back with a Zalo answer (network error, timeout, HTTP 5xx, unreadable body).
 * The request may or may not have taken effect.
 */
export class ZaloTransportError extends Error {
  override name = 'ZaloTransportError';
  constructor(
    message: string,
    readonly endpoint: string,
    readonly httpStatus: number | null,
    options?: { cause?: unknown },
  ) {
    super(`Zalo ${endpoint}: ${message}`, options);
  }
}

/**
 * A call that was never made: no access token could be had (the OAuth host unreachable, Postgres
 * away). Unlike a ZaloTransportError nothing reached Zalo's API, so a send that fails this way is
 * not in doubt.
 */
export class ZaloNotCalledError extends Error {
  override name = 'ZaloNotCalledError';
  constructor(
    message: string,
    readonly endpoint: string,
    options?: { cause?: unknown },
  ) {
    super(`Zalo ${endpoint} not called: ${message}`, options);
  }
}

/** The OA's refresh token no longer works: a human must authorise the app again. */
export class OaNeedsReauthError extends Error {
  override name = 'OaNeedsReauthError';
  constructor(readonly oaId: string, detail: string) {
    super(`OA ${oaId} needs re-authorisation: ${detail}`);
  }
}
