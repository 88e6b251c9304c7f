import type { FakeZaloState } from './fake-zalo-state.ts';

export type FakeRequest = { method: string; path: string; query: URLSearchParams; headers: Record<string, string | undefined>; body: Buffer };
export type FakeAnswer = { status: number; json: unknown; afterDelivery?: boolean };

const ok = (data: unknown): FakeAnswer => ({ status: 200, json: { data, error: 0, message: 'Success' } });
/** Zalo reports errors inside HTTP 200. */
const zaloError = (error: number, message: string): FakeAnswer => ({ status: 200, json: { error, message } });

/** OAuth v4: `POST /v4/oa/access_token`, form body, app secret in the `secret_key` header. */
export function oauthAccessToken(state: FakeZaloState, req: FakeRequest): FakeAnswer {
  const form = new URLSearchParams(req.body.toString('utf8'));
  if (req.headers['secret_key'] !== state.app.appSecret) return { status: 200, json: { error: -14002, error_name: 'Invalid app secret' } };
  if (form.get('app_id') !== state.app.appId) return { status: 200, json: { error: -14001, error_name: 'Invalid app id' } };
  if (form.get('grant_type') !== 'refresh_token') return { status: 200, json: { error: -14003, error_name: 'Invalid grant type' } };
  const presented = form.get('refresh_token') ?? '';
  if (state.refreshTokens.get(presented) !== 'valid') return { status: 200, json: { error: -14014, error_name: 'Invalid refresh token' } };
  // Single use: the presented token dies the moment a new pair is issued.
  state.refreshTokens.set(presented, 'used');
  const pair = state.issuePair(state.tokenOa.get(presented));
  return { status: 200, json: { access_token: pair.access, refresh_token: pair.refresh, expires_in: String(state.app.accessTokenTtlSec) } };
}

/** The bare `access_token` header must hold a live token. */
export function checkAccessToken(state: FakeZaloState, req: FakeRequest): FakeAnswer | null {
  const token = req.headers['access_token'];
  const expiresAt = token ? state.accessTokens.get(token) : undefined;
  if (!expiresAt) return zaloError(-216, 'Access token is invalid');
  if (expiresAt <= state.now()) return zaloError(-220, 'access_token is expired or removed');
  return null;
}

/** `POST /v3.0/oa/message/cs`: consultation message to one user. */
export function sendConsultation(state: FakeZaloState, req: FakeRequest): FakeAnswer {
  let body: { recipient?: { user_id?: unknown }; message?: Record<string, unknown> };
  try {
    body = JSON.parse(req.body.toString('utf8'));
  } catch {
    return zaloError(-201, 'body is invalid!');
  }
  const userId = body.recipient?.user_id;
  if (typeof userId !== 'string' || !/^\d+$/.test(userId)) return zaloError(-201, 'user_id is invalid!');
  const problem = checkMessage(state, body.message);
  if (problem) return zaloError(-201, problem);
  const seen = state.lastInteraction.get(userId);
  if (seen && state.now().getTime() - seen.getTime() > 7 * 24 * 3600_000) {
    return zaloError(-230, 'User has not interacted with the OA in the past 7 days');
  }
  const delivered = state.deliver(`user:${userId}`, body.message ?? {}, state.oaOf(req.headers['access_token']));
  return { ...ok({ message_id: delivered.messageId, user_id: userId }), afterDelivery: true };
}

/** The message limits Zalo enforces: text ≤ 2000 characters, ≤ 5 buttons, pictures uploaded first. */
export function checkMessage(state: FakeZaloState, message: Record<string, unknown> | undefined): string | null {
  if (!message || typeof message !== 'object') return 'message is invalid!';
  const text = message.text;
  if (text !== undefined && (typeof text !== 'string' || text.length === 0 || text.length > 2000)) return 'message.text is invalid!';
  const attachment = message.attachment as { payload?: { buttons?: unknown[]; template_type?: string; elements?: { attachment_id?: unknown }[] } } | undefined;
  if (attachment?.payload?.template_type === 'media') {
    const elements = attachment.payload.elements;
    if (!Array.isArray(elements) || elements.length !== 1 || !state.uploads.has(String(elements[0]?.attachment_id))) return 'attachment_id is invalid!';
  }
  if (text === undefined && !attachment) return 'message is invalid!';
  const buttons = attachment?.payload?.buttons;
  if (buttons && (!Array.isArray(buttons) || buttons.length === 0 || buttons.length > 5)) return 'buttons is invalid!';
  return null;
}

/** `GET /v2.0/oa/conversation?data={"user_id","offset","count"}`: newest first, at most 10. */
export function conversation(state: FakeZaloState, req: FakeRequest): FakeAnswer {
  const data = JSON.parse(req.query.get('data') ?? '{}') as { user_id?: string; offset?: number; count?: number };
  const count = data.count ?? 5;
  if (count > 10) return zaloError(-210, 'count is invalid');
  const userId = String(data.user_id ?? '');
  const fromOa = state.delivered
    .filter((d) => d.to === `user:${userId}`)
    .map((d) => ({ message_id: d.messageId, src: 0, time: d.at.getTime(), type: d.text === null ? 'template' : 'text', message: d.text ?? '', from_id: state.app.oaId, to_id: userId }));
  const fromUser = state.userMessages
    .filter((m) => m.userId === userId)
    .map((m) => ({ message_id: m.messageId, src: 1, time: m.at.getTime(), type: 'text', message: m.text, from_id: userId, to_id: state.app.oaId }));
  const all = [...fromOa, ...fromUser].sort((a, b) => b.time - a.time);
  const offset = data.offset ?? 0;
  return ok(all.slice(offset, offset + count));
}

/** `GET /v3.0/oa/user/detail?data={"user_id"}`. */
export function userDetail(_state: FakeZaloState, req: FakeRequest): FakeAnswer {
  const data = JSON.parse(req.query.get('data') ?? '{}') as { user_id?: string };
  if (!data.user_id) return zaloError(-201, 'user_id is invalid!');
  return ok({ user_id: data.user_id, display_name: `Người dùng ${data.user_id.slice(-4)}`, user_is_follower: true, user_last_interaction_date: '01/01/2026' });
}

/** `POST /v2.0/oa/upload/image`: multipart field `file`, JPG or PNG up to 1 MB. */
export async function uploadImage(state: FakeZaloState, req: FakeRequest): Promise<FakeAnswer> {
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) return zaloError(-201, 'file is invalid!');
  const form = await new Response(new Uint8Array(req.body), { headers: { 'content-type': contentType } }).formData();
  const file = form.get('file');
  if (!(file instanceof Blob)) return zaloError(-201, 'file is invalid!');
  if (!['image/jpeg', 'image/png'].includes(file.type)) return zaloError(-201, 'file type is invalid!');
  if (file.size > 1024 * 1024) return zaloError(-201, 'file size is invalid!');
  const attachmentId = `att-${state.uploads.size + 1}-${Date.now()}`;
  state.uploads.set(attachmentId, { bytes: file.size, mimeType: file.type, data: Buffer.from(await file.arrayBuffer()) });
  return ok({ attachment_id: attachmentId });
}

/** `POST /v3.0/oa/group/message`: a message into an OA-owned (GMF) group. */
export function sendGroupMessage(state: FakeZaloState, req: FakeRequest): FakeAnswer {
  let body: { recipient?: { group_id?: unknown }; message?: Record<string, unknown> };
  try {
    body = JSON.parse(req.body.toString('utf8'));
  } catch {
    return zaloError(-201, 'body is invalid!');
  }
  const groupId = body.recipient?.group_id;
  if (typeof groupId !== 'string') return zaloError(-201, 'group_id is invalid!');
  const enabled = state.gmfGroups.get(groupId);
  if (enabled === undefined) return zaloError(-403, 'OA is not in group');
  if (!enabled) return zaloError(-237, 'The group is disabled');
  const problem = checkMessage(state, body.message);
  if (problem) return zaloError(-201, problem);
  const delivered = state.deliver(`group:${groupId}`, body.message ?? {}, state.oaOf(req.headers['access_token']));
  return { ...ok({ message_id: delivered.messageId, group_id: groupId }), afterDelivery: true };
}

/** `GET /v3.0/oa/group/conversation?data={"group_id","offset","count"}` (shape as for 1:1). */
export function groupConversation(state: FakeZaloState, req: FakeRequest): FakeAnswer {
  const data = JSON.parse(req.query.get('data') ?? '{}') as { group_id?: string; offset?: number; count?: number };
  if ((data.count ?? 5) > 10) return zaloError(-210, 'count is invalid');
  const rows = state.delivered
    .filter((d) => d.to === `group:${data.group_id}`)
    .map((d) => ({ message_id: d.messageId, src: 0, time: d.at.getTime(), type: 'text', message: d.text ?? '', from_id: state.app.oaId }))
    .sort((a, b) => b.time - a.time);
  const offset = data.offset ?? 0;
  return ok(rows.slice(offset, offset + (data.count ?? 5)));
}
