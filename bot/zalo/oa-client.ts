import { z } from 'zod';
import type { TokenManager } from './token-manager.ts';
import { describeError } from '../logger.ts';
import { OaNeedsReauthError, ZaloApiError, ZaloNotCalledError, ZaloTransportError } from './zalo-errors.ts';
import { callZalo } from './zalo-http.ts';
import type { ZaloHttpOptions } from './zalo-http.ts';
import type { ZaloMessage } from './render-message.ts';

/** A message in an OA conversation, newest first (`src` 0 = sent by the OA, 1 = by the user). */
export type ConversationEntry = { messageId: string; fromOa: boolean; time: Date; type: string; text: string | null };

export type UserDetail = { userId: string; displayName: string | null; isFollower: boolean | null };

export type OaClient = {
  sendMessage: (userId: string, message: ZaloMessage) => Promise<{ messageId: string }>;
  uploadImage: (image: { bytes: Uint8Array; filename: string; mimeType: 'image/jpeg' | 'image/png' }) => Promise<{ attachmentId: string }>;
  getUserDetail: (userId: string) => Promise<UserDetail>;
  /** At most 10 entries per call (Zalo answers -210 above that). */
  listConversation: (userId: string, page: { offset: number; count: number }) => Promise<ConversationEntry[]>;
  /**
   * GMF: a message into an OA-owned group (`POST /v3.0/oa/group/message`); pictures use the same
   * media attachment as 1:1 messages (docs/platform-facts.md, "Groups": reported by community code, UNVERIFIED).
   */
  sendGroupMessage: (groupId: string, message: ZaloMessage) => Promise<{ messageId: string }>;
  /**
   * GMF group history (`GET /v3.0/oa/group/conversation`). UNVERIFIED: the path comes from community
   * sources and the answer is assumed to match the 1:1 conversation endpoint.
   */
  listGroupConversation: (groupId: string, page: { offset: number; count: number }) => Promise<ConversationEntry[]>;
};

const envelope = z.looseObject({ error: z.coerce.number(), message: z.string().optional(), data: z.unknown().optional() });
const sendData = z.looseObject({ message_id: z.string().min(1) });
const uploadData = z.looseObject({ attachment_id: z.string().min(1) });
const userData = z.looseObject({
  user_id: z.string(),
  display_name: z.string().optional(),
  user_is_follower: z.boolean().optional(),
});
const conversationData = z.array(
  z.looseObject({
    message_id: z.string(),
    src: z.coerce.number(),
    time: z.coerce.number(),
    type: z.string().optional(),
    message: z.string().optional(),
  }),
);

/**
 * The OA Open API calls we use. Every call sends the token as a bare `access_token` header; a
 * -216/-220 answer triggers one token refresh and one retry.
 */
export function createOaClient(cfg: { openApiUrl: string } & ZaloHttpOptions, tokens: TokenManager): OaClient {
  async function call<T>(endpoint: string, schema: z.ZodType<T>, request: (token: string) => Promise<unknown>): Promise<T> {
    let token = await tokenFor(endpoint, () => tokens.getAccessToken());
    let json = await request(token);
    let answer = parseEnvelope(json, endpoint);
    if (answer.error === -216 || answer.error === -220) {
      const rejected = token;
      token = await tokenFor(endpoint, () => tokens.refreshAfterRejection(rejected));
      json = await request(token);
      answer = parseEnvelope(json, endpoint);
    }
    if (answer.error !== 0) throw new ZaloApiError(answer.error, answer.message ?? 'no message', endpoint);
    const data = schema.safeParse(answer.data);
    if (!data.success) throw new ZaloTransportError(`unexpected data: ${z.prettifyError(data.error)}`, endpoint, 200);
    return data.data;
  }

  /** The token for a call; a failure to get one means the call is not made (see ZaloNotCalledError). */
  async function tokenFor(endpoint: string, get: () => Promise<string>): Promise<string> {
    try {
      return await get();
    } catch (err) {
      if (err instanceof OaNeedsReauthError) throw err;
      throw new ZaloNotCalledError(`no access token: ${describeError(err)}`, endpoint, { cause: err });
    }
  }

  const get = (path: string, data: object) => (token: string) =>
    callZalo(`${cfg.openApiUrl}${path}?data=${encodeURIComponent(JSON.stringify(data))}`, { method: 'GET', headers: { access_token: token } }, path, cfg);
  const postJson = (path: string, data: object) => (token: string) =>
    callZalo(`${cfg.openApiUrl}${path}`, { method: 'POST', headers: { access_token: token, 'content-type': 'application/json' }, body: JSON.stringify(data) }, path, cfg);

  return {
    async sendMessage(userId, message) {
      const path = '/v3.0/oa/message/cs';
      const data = await call(path, sendData, postJson(path, { recipient: { user_id: userId }, message }));
      return { messageId: data.message_id };
    },
    async uploadImage(image) {
      const path = '/v2.0/oa/upload/image';
      const data = await call(path, uploadData, (token) => {
        const form = new FormData();
        form.append('file', new Blob([image.bytes], { type: image.mimeType }), image.filename);
        return callZalo(`${cfg.openApiUrl}${path}`, { method: 'POST', headers: { access_token: token }, body: form }, path, cfg);
      });
      return { attachmentId: data.attachment_id };
    },
    async getUserDetail(userId) {
      const data = await call('/v3.0/oa/user/detail', userData, get('/v3.0/oa/user/detail', { user_id: userId }));
      return { userId: data.user_id, displayName: data.display_name ?? null, isFollower: data.user_is_follower ?? null };
    },
    async listConversation(userId, page) {
      return toEntries(await call('/v2.0/oa/conversation', conversationData, get('/v2.0/oa/conversation', { user_id: userId, ...page })));
    },
    async sendGroupMessage(groupId, message) {
      const path = '/v3.0/oa/group/message';
      const data = await call(path, sendData, postJson(path, { recipient: { group_id: groupId }, message }));
      return { messageId: data.message_id };
    },
    async listGroupConversation(groupId, page) {
      return toEntries(await call('/v3.0/oa/group/conversation', conversationData, get('/v3.0/oa/group/conversation', { group_id: groupId, ...page })));
    },
  };
}

function toEntries(data: z.infer<typeof conversationData>): ConversationEntry[] {
  return data.map((m) => ({ messageId: m.message_id, fromOa: m.src === 0, time: new Date(m.time), type: m.type ?? 'text', text: m.message ?? null }));
}

function parseEnvelope(json: unknown, endpoint: string) {
  const r = envelope.safeParse(json);
  if (!r.success) throw new ZaloTransportError('answer without an error field', endpoint, 200);
  return r.data;
}
