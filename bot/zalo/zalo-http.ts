import { ZaloTransportError } from './zalo-errors.ts';

export type ZaloHttpOptions = { timeoutMs: number };

/**
 * One HTTP call to a Zalo host, returning the parsed JSON body. Network failures, timeouts, 5xx and
 * non-JSON bodies become ZaloTransportError; Zalo's own `error` codes are left to the caller.
 */
export async function callZalo(
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string | FormData | URLSearchParams },
  endpoint: string,
  options: ZaloHttpOptions,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (err) {
    throw new ZaloTransportError(describe(err), endpoint, null, { cause: err });
  }
  const text = await response.text().catch(() => '');
  if (response.status >= 500) throw new ZaloTransportError(`HTTP ${response.status}`, endpoint, response.status);
  if (response.status >= 400) throw new ZaloTransportError(`HTTP ${response.status}: ${text.slice(0, 200)}`, endpoint, response.status);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ZaloTransportError(`unreadable body (HTTP ${response.status})`, endpoint, response.status, { cause: err });
  }
}

function describe(err: unknown): string {
  if (err instanceof Error && err.name === 'TimeoutError') return 'timed out';
  if (err instanceof Error) return err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message;
  return String(err);
}
