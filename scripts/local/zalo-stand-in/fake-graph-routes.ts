import { createHmac } from 'node:crypto';
import type { FakeZaloState } from './fake-zalo-state.ts';
import type { FakeAnswer, FakeRequest } from './fake-zalo-routes.ts';

// Graph error codes are not documented (docs/platform-facts.md, "Mini App", names -216, -242 and -1241 as seen in the wild).
const invalidToken = { status: 200, json: { error: -216, message: 'Access token is invalid' } };
const invalidProof = { status: 200, json: { error: -1241, message: 'appsecret_proof is invalid' } };

/** The token's holder, if the token is known, unexpired and its proof was made with its own app's secret. */
function holder(state: FakeZaloState, req: FakeRequest): { userId: string; name: string; appSecret: string } | FakeAnswer {
  const token = req.headers.access_token ?? '';
  const known = state.miniappTokens.get(token);
  if (!known || known.expiresAt <= state.now()) return invalidToken;
  const appSecret = known.appId === state.app.appId ? state.app.appSecret : (state.otherApps.get(known.appId) ?? '');
  const proof = createHmac('sha256', appSecret).update(token).digest('hex');
  if (req.headers.appsecret_proof !== proof) return invalidProof;
  return { userId: known.userId, name: known.name, appSecret };
}

/** `GET /v2.0/me`: who holds a Mini App access token (top-level `id`, `name`, as zmp-sdk reads it). */
export function graphMe(state: FakeZaloState, req: FakeRequest): FakeAnswer {
  const who = holder(state, req);
  if ('status' in who) return who;
  return { status: 200, json: { id: who.userId, name: who.name, picture: { data: { url: 'https://s120.avatar.example/a.jpg' } }, error: 0, message: 'Success' } };
}

/** `GET /v2.0/me/info`: the phone number behind a getPhoneNumber() token (single use, 2 minutes). */
export function graphMeInfo(state: FakeZaloState, req: FakeRequest): FakeAnswer {
  const who = holder(state, req);
  if ('status' in who) return who;
  if (req.headers.secret_key !== who.appSecret) return { status: 200, json: { error: -124, message: 'secret_key is invalid' } };
  const code = state.phoneTokens.get(req.headers.code ?? '');
  if (!code || code.used || code.expiresAt <= state.now() || code.userId !== who.userId) return { status: 200, json: { error: -2001, message: 'code is invalid or expired' } };
  code.used = true;
  return { status: 200, json: { data: { number: code.number }, error: 0, message: 'Success' } };
}
