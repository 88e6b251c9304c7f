import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeZaloState } from './fake-zalo-state.ts';
import type { Injection } from './fake-zalo-state.ts';
import { checkAccessToken, conversation, groupConversation, oauthAccessToken, sendConsultation, sendGroupMessage, uploadImage, userDetail } from './fake-zalo-routes.ts';
import type { FakeAnswer, FakeRequest } from './fake-zalo-routes.ts';
import { graphMe, graphMeInfo } from './fake-graph-routes.ts';

export type FakeZalo = {
  /** Base URL for ZALO_OPENAPI_URL, ZALO_OAUTH_URL and ZALO_GRAPH_URL alike. */
  url: string;
  state: FakeZaloState;
  /** Misbehave on the next `times` calls to `path`. */
  inject: (path: string, injection: Injection, times?: number) => void;
  close: () => Promise<void>;
};

export type FakeZaloOptions = {
  appId: string;
  appSecret: string;
  oaId: string;
  initialRefreshToken: string;
  accessTokenTtlSec?: number;
  /** Latency added to every OAuth call, to make concurrent refreshes overlap. */
  oauthLatencyMs?: number;
  /** A fixed port; by default a free one. */
  port?: number;
  /** Keep only the newest calls (local mode runs for hours); tests keep them all. */
  maxRecordedCalls?: number;
};

type Route = (state: FakeZaloState, req: FakeRequest) => FakeAnswer | Promise<FakeAnswer>;
const oaRoutes: Record<string, Route> = {
  'POST /v3.0/oa/message/cs': sendConsultation,
  'GET /v2.0/oa/conversation': conversation,
  'GET /v3.0/oa/user/detail': userDetail,
  'POST /v2.0/oa/upload/image': uploadImage,
  'POST /v3.0/oa/group/message': sendGroupMessage,
  'GET /v3.0/oa/group/conversation': groupConversation,
};

/** Graph API routes check Mini App tokens and their appsecret_proof, not the OA's access token. */
const graphRoutes: Record<string, Route> = {
  'GET /v2.0/me': graphMe,
  'GET /v2.0/me/info': graphMeInfo,
};

/**
 * A local stand-in for Zalo's OA Open API, OAuth v4 and Graph hosts that keeps their contract:
 * bare `access_token` header, `secret_key` header on OAuth, errors inside HTTP 200, `expires_in` as a
 * string, single-use refresh tokens, the 2000-character limit. It records every call and can be told
 * to fail (-216, -32, -230, HTTP 500) or be slow.
 */
export async function startFakeZalo(options: FakeZaloOptions): Promise<FakeZalo> {
  const state = new FakeZaloState(
    { appId: options.appId, appSecret: options.appSecret, oaId: options.oaId, accessTokenTtlSec: options.accessTokenTtlSec ?? 90_000 },
    options.initialRefreshToken,
  );
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handle(req, Buffer.concat(chunks), res));
  });

  async function handle(raw: http.IncomingMessage, body: Buffer, res: http.ServerResponse) {
    const url = new URL(raw.url ?? '/', 'http://fake');
    const req: FakeRequest = { method: raw.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: flatHeaders(raw.headers), body };
    const answer = await answerFor(req);
    state.calls.push({
      method: req.method,
      path: req.path,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: parseBody(req),
      at: state.now(),
      status: answer.status,
      response: answer.json,
    });
    if (options.maxRecordedCalls !== undefined && state.calls.length > options.maxRecordedCalls) state.calls.splice(0, state.calls.length - options.maxRecordedCalls);
    if (answer.afterDelivery) {
      const hold = state.takeInjection(req.path, ['hold-after-delivery']);
      if (hold?.kind === 'hold-after-delivery') await sleep(hold.ms);
    }
    if (res.destroyed) return;
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.json));
  }

  async function answerFor(req: FakeRequest): Promise<FakeAnswer> {
    const injected = state.takeInjection(req.path, ['zalo-error', 'http-status', 'latency']);
    if (injected?.kind === 'latency') await sleep(injected.ms);
    if (injected?.kind === 'http-status') return { status: injected.status, json: { message: 'injected failure' } };
    if (injected?.kind === 'zalo-error') return { status: 200, json: { error: injected.code, message: injected.message ?? `injected ${injected.code}` } };
    if (req.method === 'POST' && req.path === '/v4/oa/access_token') {
      if (options.oauthLatencyMs) await sleep(options.oauthLatencyMs);
      return oauthAccessToken(state, req);
    }
    const graph = graphRoutes[`${req.method} ${req.path}`];
    if (graph) return graph(state, req);
    const route = oaRoutes[`${req.method} ${req.path}`];
    if (!route) return { status: 404, json: { error: 404, message: 'not found' } };
    return checkAccessToken(state, req) ?? route(state, req);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    inject(path, injection, times = 1) {
      state.rules.push({ path, injection, remaining: times });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function flatHeaders(h: http.IncomingHttpHeaders): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
}

function parseBody(req: FakeRequest): unknown {
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    try {
      return JSON.parse(req.body.toString('utf8'));
    } catch {
      return req.body.toString('utf8');
    }
  }
  if (type.includes('x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(req.body.toString('utf8')));
  return `<${req.body.length} bytes>`;
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
