import http from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ZaloTransportError } from './zalo-errors.ts';
import { callZalo } from './zalo-http.ts';

type Seen = { method: string; path: string; headers: http.IncomingHttpHeaders; body: string; connection: number };
type Handler = (req: http.IncomingMessage, res: http.ServerResponse, seen: Seen) => void;

// A real server on a free port: what it answers is set per test, and it records what it was asked.
let server: http.Server;
let base = '';
let handler: Handler;
let seen: Seen[] = [];
let connections = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const socket: unknown = req.socket;
      const record: Seen = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), connection: connectionIds.get(socket) ?? -1 };
      seen.push(record);
      handler(req, res, record);
    });
  });
  const connectionIds = new Map<unknown, number>();
  server.on('connection', (socket) => connectionIds.set(socket, ++connections));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${portOf(server)}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
  handler = (_req, res) => json(res, 200, { error: 0, data: { ok: true } });
});

function portOf(s: http.Server): number {
  const address = s.address();
  if (address === null || typeof address === 'string') throw new Error('the test server is not listening on TCP');
  return address.port;
}

function json(res: http.ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

const options = { timeoutMs: 2000 };

async function transportError(call: Promise<unknown>): Promise<ZaloTransportError> {
  const err: unknown = await call.then(() => null, (e: unknown) => e);
  if (!(err instanceof ZaloTransportError)) throw new Error(`expected a ZaloTransportError, got ${String(err)}`);
  return err;
}

describe('callZalo over node:http', () => {
  it('posts JSON with its headers and returns the parsed answer', async () => {
    const body = JSON.stringify({ recipient: { user_id: '1' }, message: { text: 'Chào bác' } });
    const answer = await callZalo(`${base}/v3.0/oa/message/cs`, { method: 'POST', headers: { access_token: 'AT', 'content-type': 'application/json' }, body }, 'cs', options);
    expect(answer).toEqual({ error: 0, data: { ok: true } });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/v3.0/oa/message/cs', body });
    expect(seen[0]?.headers).toMatchObject({ access_token: 'AT', 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
  });

  it('sends a form as fetch did, and a GET with its query', async () => {
    const form = new URLSearchParams({ app_id: 'A', grant_type: 'refresh_token', refresh_token: 'R' });
    await callZalo(`${base}/v4/oa/access_token`, { method: 'POST', headers: { secret_key: 'S' }, body: form }, 'oauth', options);
    await callZalo(`${base}/v2.0/oa/conversation?data=${encodeURIComponent('{"offset":0}')}`, { method: 'GET', headers: { access_token: 'AT' } }, 'conversation', options);
    expect(seen[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(Object.fromEntries(new URLSearchParams(seen[0]?.body))).toEqual({ app_id: 'A', grant_type: 'refresh_token', refresh_token: 'R' });
    expect(seen[1]).toMatchObject({ method: 'GET', path: '/v2.0/oa/conversation?data=%7B%22offset%22%3A0%7D', body: '' });
  });

  it('keeps the connection for the next call', async () => {
    for (let i = 0; i < 3; i++) await callZalo(`${base}/x`, { method: 'GET', headers: {} }, 'x', options);
    expect(new Set(seen.map((s) => s.connection)).size).toBe(1);
  });

  it('reads a compressed answer', async () => {
    const gzipped = await promisify(zlib.gzip)(Buffer.from(JSON.stringify({ error: 0, data: 'nén' })));
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipped);
    };
    expect(await callZalo(`${base}/x`, { method: 'GET', headers: {} }, 'x', options)).toEqual({ error: 0, data: 'nén' });
  });

  it('gives up after the timeout, saying so', async () => {
    handler = () => {}; // never answers
    const started = Date.now();
    const err = await transportError(callZalo(`${base}/slow`, { method: 'POST', headers: {}, body: '{}' }, 'slow', { timeoutMs: 200 }));
    expect(err.message).toBe('Zalo slow: timed out');
    expect(err.httpStatus).toBeNull();
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('times out in the middle of a slow answer too', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"error":');
    };
    const err = await transportError(callZalo(`${base}/half`, { method: 'GET', headers: {} }, 'half', { timeoutMs: 200 }));
    expect(err.message).toBe('Zalo half: timed out');
  });

  it('reports 5xx without the body and 4xx with its start', async () => {
    handler = (_req, res) => json(res, 502, { message: 'bad gateway' });
    const server5xx = await transportError(callZalo(`${base}/x`, { method: 'GET', headers: {} }, 'x', options));
    expect(server5xx.message).toBe('Zalo x: HTTP 502');
    expect(server5xx.httpStatus).toBe(502);
    handler = (_req, res) => json(res, 404, { message: 'x'.repeat(300) });
    const client4xx = await transportError(callZalo(`${base}/x`, { method: 'GET', headers: {} }, 'x', options));
    expect(client4xx.message).toBe(`Zalo x: HTTP 404: ${JSON.stringify({ message: 'x'.repeat(300) }).slice(0, 200)}`);
    expect(client4xx.httpStatus).toBe(404);
  });

  it('calls a body that is not JSON unreadable', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>maintenance</html>');
    };
    const err = await transportError(callZalo(`${base}/x`, { method: 'GET', headers: {} }, 'x', options));
    expect(err.message).toBe('Zalo x: unreadable body (HTTP 200)');
    expect(err.httpStatus).toBe(200);
  });

  it('reports a refused connection with the network error', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = portOf(closed);
    await new Promise((resolve) => closed.close(resolve));
    const err = await transportError(callZalo(`http://127.0.0.1:${port}/x`, { method: 'POST', headers: {}, body: '{}' }, 'x', options));
    expect(err.message).toContain('ECONNREFUSED');
    expect(err.httpStatus).toBeNull();
  });

  describe('a kept connection the server drops instead of answering', () => {
    // The first call leaves a pooled connection; the server then drops it when the next request arrives on it.
    const dropOnReuse: Handler = (req, res, s) => {
      if (seen.filter((x) => x.connection === s.connection).length > 1) req.socket.destroy();
      else json(res, 200, { error: 0 });
    };

    it('fails a POST without sending it again (a send may have reached Zalo)', async () => {
      await callZalo(`${base}/warm`, { method: 'GET', headers: {} }, 'warm', options);
      handler = dropOnReuse;
      const err = await transportError(callZalo(`${base}/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"n":1}' }, 'send', options));
      expect(err.httpStatus).toBeNull();
      expect(seen.filter((s) => s.path === '/send')).toHaveLength(1);
    });

    it('asks a GET once more on another connection', async () => {
      await callZalo(`${base}/warm`, { method: 'GET', headers: {} }, 'warm', options);
      handler = dropOnReuse;
      expect(await callZalo(`${base}/read`, { method: 'GET', headers: {} }, 'read', options)).toEqual({ error: 0 });
      const reads = seen.filter((s) => s.path === '/read');
      expect(reads).toHaveLength(2);
      expect(reads[0]?.connection).not.toBe(reads[1]?.connection);
    });
  });
});
