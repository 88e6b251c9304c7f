import { clearSession, getSession } from './session';

/** Empty means same origin: the bot serves the built app at /miniapp/ and the API at /api. */
const apiBase: string = import.meta.env.VITE_API_BASE_URL ?? '';

/** The bot answered with an error status; `message` is Vietnamese and may be shown as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The request never got an answer (no connection, timeout): the offline queue retries these. */
export class NetworkError extends Error {
  constructor() {
    super('Không kết nối được. Vui lòng kiểm tra mạng rồi thử lại.');
  }
}

// Cheap phones on weak signal can leave a request hanging for minutes; give up and let the user retry.
const timeoutMs = 20_000;

/** A URL the bot gave as root-relative ("/static/…") made absolute against the API's origin. */
export function apiUrl(path: string): string {
  return path.startsWith('/') ? `${apiBase}${path}` : path;
}

const fallbackMessages: Record<number, string> = {
  401: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  403: 'Bạn không có quyền thực hiện việc này.',
  404: 'Không tìm thấy thông tin này.',
  409: 'Thông tin đã thay đổi. Vui lòng tải lại.',
  429: 'Bạn thao tác quá nhanh. Vui lòng đợi một chút rồi thử lại.',
};

async function toApiError(response: Response): Promise<ApiError> {
  let code = 'server-error';
  let message = fallbackMessages[response.status] ?? 'Máy chủ đang gặp sự cố. Vui lòng thử lại sau.';
  try {
    const body = (await response.json()) as { error?: unknown; message?: unknown };
    if (typeof body.error === 'string') code = body.error;
    if (typeof body.message === 'string' && body.message) message = body.message;
  } catch {
    // Not JSON (a proxy's error page): the fallback message stands.
  }
  return new ApiError(response.status, code, message);
}

type Options = { body?: unknown; auth?: boolean };

/**
 * The answer to a request index.html started before this script arrived (the login screen's
 * questions, asked while the script downloads on a slow connection), handed out once; null when
 * nobody asked early.
 */
function takeEarlyAnswer(path: string): Promise<Response> | null {
  const early = (window as { cdtEarly?: Record<string, Promise<Response> | undefined> }).cdtEarly;
  const answer = early?.[path] ?? null;
  if (early) delete early[path];
  return answer;
}

/**
 * One call to the bot. Throws NetworkError when there is no answer and ApiError for an error status.
 * A 401 on an authenticated route ends the session, which sends the app back to the login screen.
 */
export async function request<T>(method: string, path: string, { body, auth = true }: Options = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const session = auth ? getSession() : null;
  if (session) headers.Authorization = `Bearer ${session.token}`;

  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  try {
    const early = method === 'GET' && !auth ? takeEarlyAnswer(path) : null;
    response = await (early
      ? // Started without our time limit: the same limit applies to waiting for it.
        Promise.race([early, new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(new Error('timed out'))))])
      : fetch(`${apiBase}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: controller.signal,
        }));
  } catch {
    throw new NetworkError();
  } finally {
    window.clearTimeout(timer);
  }

  if (!response.ok) {
    const error = await toApiError(response);
    // Only the session this request carried is over: a newer login may have replaced it meanwhile.
    if (auth && response.status === 401 && session && getSession() === session) clearSession();
    throw error;
  }
  try {
    return (await response.json()) as T;
  } catch {
    // The body was cut off on the way: as good as no answer.
    throw new NetworkError();
  }
}

/** A query string from the defined values only. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** What to tell the user about a failed call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof NetworkError) return error.message;
  return 'Đã có lỗi xảy ra. Vui lòng thử lại.';
}
