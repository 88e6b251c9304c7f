import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { callZalo } from './zalo-http.ts';

export type GraphUser = { id: string; name: string | null };

/** Zalo refused the token (expired, forged, another app's): the caller is not authenticated. */
export class GraphAuthError extends Error {
  override name = 'GraphAuthError';
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Zalo's Graph API as the Mini App's server needs it (docs/platform-facts.md, "Mini App"): who holds an access token,
 * and the phone number behind a getPhoneNumber() token. Every call carries `appsecret_proof`, the
 * HMAC-SHA256 of the token keyed with the app secret, so a token issued to another app fails.
 */
export type GraphClient = {
  /** Throws GraphAuthError for any `error ≠ 0`, ZaloTransportError when Zalo could not be asked. */
  me: (accessToken: string) => Promise<GraphUser>;
  /** The number as Zalo gives it ("849…"), or throws GraphAuthError. */
  phoneNumber: (accessToken: string, phoneToken: string) => Promise<string>;
};

const envelope = z.looseObject({ error: z.coerce.number().optional(), message: z.string().optional() });
const meBody = z.looseObject({ id: z.string().min(1), name: z.string().optional() });
// Sources disagree on where the number sits (docs/platform-facts.md, "Mini App"): `data.number` by most, top-level `number` by one.
const phoneBody = z.looseObject({ data: z.looseObject({ number: z.string().min(1) }).optional(), number: z.string().min(1).optional() });

export function createGraphClient(cfg: { graphUrl: string; appSecret: string; timeoutMs: number }): GraphClient {
  const proof = (token: string) => createHmac('sha256', cfg.appSecret).update(token).digest('hex');
  async function get(path: string, headers: Record<string, string>, query = ''): Promise<unknown> {
    const body = await callZalo(`${cfg.graphUrl}${path}${query}`, { method: 'GET', headers }, path, { timeoutMs: cfg.timeoutMs });
    const head = envelope.safeParse(body);
    if (!head.success) throw new GraphAuthError(-1, `unexpected answer from ${path}`);
    if ((head.data.error ?? 0) !== 0) throw new GraphAuthError(head.data.error ?? -1, head.data.message ?? 'refused');
    return body;
  }
  return {
    async me(accessToken) {
      if (!accessToken) throw new GraphAuthError(-1, 'empty access token');
      const body = meBody.safeParse(await get('/v2.0/me', { access_token: accessToken, appsecret_proof: proof(accessToken) }, '?fields=id,name'));
      if (!body.success) throw new GraphAuthError(-1, 'no user id in the answer');
      return { id: body.data.id, name: body.data.name ?? null };
    },
    async phoneNumber(accessToken, phoneToken) {
      const body = phoneBody.safeParse(await get('/v2.0/me/info', { access_token: accessToken, code: phoneToken, secret_key: cfg.appSecret, appsecret_proof: proof(accessToken) }));
      const number = body.success ? (body.data.data?.number ?? body.data.number) : undefined;
      if (!number) throw new GraphAuthError(-1, 'no phone number in the answer');
      return number;
    },
  };
}
