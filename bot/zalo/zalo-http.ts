import http from 'node:http';
import https from 'node:https';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { ZaloTransportError } from './zalo-errors.ts';

export type ZaloHttpOptions = { timeoutMs: number };
type Init = { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string | FormData | URLSearchParams };
type Answer = { status: number; text: string };

/**
 * One HTTP call to a Zalo host, returning the parsed JSON body. Network failures, timeouts, 5xx and
 * non-JSON bodies become ZaloTransportError; Zalo's own `error` codes are left to the caller.
 * Nothing is retried here except a GET whose reused keep-alive connection was reset before it
 * was answered: a POST (a send) may have reached Zalo, so its failure goes to the caller, whose
 * outbox checks the conversation history before sending again.
 */
export async function callZalo(url: string, init: Init, endpoint: string, options: ZaloHttpOptions): Promise<unknown> {
  let answer: Answer;
  try {
    // Multipart bodies (image uploads) are rare; fetch encodes them, everything else goes through node:http.
    answer = init.body instanceof FormData ? await viaFetch(url, init, options.timeoutMs) : await viaNodeHttp(url, init, options.timeoutMs, init.method === 'GET');
  } catch (err) {
    throw new ZaloTransportError(describe(err), endpoint, null, { cause: err });
  }
  const { status, text } = answer;
  if (status >= 500) throw new ZaloTransportError(`HTTP ${status}`, endpoint, status);
  if (status >= 400) throw new ZaloTransportError(`HTTP ${status}: ${text.slice(0, 200)}`, endpoint, status);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ZaloTransportError(`unreadable body (HTTP ${status})`, endpoint, status, { cause: err });
  }
}

/**
 * Keep-alive connections, one pool per protocol for the whole process: fetch (undici) cost about a
 * quarter of a worker's CPU per message in the e2e bench's profile. 64 sockets per host is far
 * above the workers' 8 concurrent sends. An idle socket is closed after 4 s, before the 5 s
 * keep-alive of Node servers and of many proxies, so a pooled socket is seldom one the server is
 * closing at that moment (a server's `Keep-Alive: timeout=` hint shortens it further).
 */
const agentOptions = { keepAlive: true, maxSockets: 64, maxFreeSockets: 16, timeout: 4000 };
const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };

class ZaloTimeoutError extends Error {
  override name = 'TimeoutError';
}

function viaNodeHttp(url: string, init: Init, timeoutMs: number, retryReusedReset: boolean): Promise<Answer> {
  const target = new URL(url);
  const body = init.body === undefined || init.body instanceof FormData ? undefined : String(init.body);
  const headers: Record<string, string | number> = { ...init.headers, 'accept-encoding': 'identity' };
  if (body !== undefined) {
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) {
      // What fetch would have sent for the same body.
      headers['content-type'] = init.body instanceof URLSearchParams ? 'application/x-www-form-urlencoded;charset=UTF-8' : 'text/plain;charset=UTF-8';
    }
    headers['content-length'] = Buffer.byteLength(body);
  }
  const secure = target.protocol === 'https:';
  if (!secure && target.protocol !== 'http:') return Promise.reject(new Error(`unsupported protocol ${target.protocol}`));
  return new Promise<Answer>((resolve, reject) => {
    let timedOut = false;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const fail = (err: unknown) => settle(() => reject(timedOut ? new ZaloTimeoutError('timed out', { cause: err }) : err));
    const options = { method: init.method, headers, agent: secure ? agents.https : agents.http };
    const req = (secure ? https : http).request(target, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        decode(Buffer.concat(chunks), res.headers['content-encoding']).then(
          (text) => settle(() => resolve({ status: res.statusCode ?? 0, text })),
          fail,
        );
      });
      res.on('error', fail);
      // The connection ended in the middle of the answer (reset, or our own timeout below).
      res.on('close', () => {
        if (!res.complete) fail(new Error('connection closed before the answer was complete'));
      });
    });
    const timer = setTimeout(() => {
      timedOut = true;
      req.destroy(new ZaloTimeoutError('timed out'));
    }, timeoutMs);
    req.on('error', (err) => {
      // A pooled socket the server had already closed: the request never reached it, and a GET
      // changes nothing anyway, so it is asked once more on a new connection.
      if (retryReusedReset && !timedOut && req.reusedSocket && errorCode(err) === 'ECONNRESET') {
        settle(() => resolve(viaNodeHttp(url, init, timeoutMs, false)));
        return;
      }
      fail(err);
    });
    req.end(body);
  });
}

/** As the call was made before: fetch, whose body errors left an empty text (then "unreadable body"). */
async function viaFetch(url: string, init: Init, timeoutMs: number): Promise<Answer> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  return { status: response.status, text: await response.text().catch(() => '') };
}

const inflaters: Record<string, (buffer: Buffer) => Promise<Buffer>> = {
  gzip: promisify(zlib.gunzip),
  'x-gzip': promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
};

/** We ask for no compression, but a server may compress anyway; fetch decoded these too. */
async function decode(buffer: Buffer, encoding: string | undefined): Promise<string> {
  const coding = encoding?.trim().toLowerCase();
  const inflate = coding && coding !== 'identity' ? inflaters[coding] : undefined;
  const bytes = inflate ? await inflate(buffer) : buffer;
  const text = bytes.toString('utf8');
  // fetch's text() drops a byte-order mark; JSON.parse would not accept it.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function errorCode(err: unknown): unknown {
  return err instanceof Error ? Reflect.get(err, 'code') : undefined;
}

function describe(err: unknown): string {
  if (err instanceof Error && err.name === 'TimeoutError') return 'timed out';
  // Connecting to a name with several addresses fails with an AggregateError whose own message is empty.
  if (err instanceof AggregateError && !err.message) return err.errors.map((e) => describe(e)).join('; ') || String(errorCode(err) ?? 'connection failed');
  if (err instanceof Error) return err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message;
  return String(err);
}
