import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../test/helpers/zalo-events.ts';
import { webhookEventKey, webhookEventOaId } from './event-key.ts';
import { toIncomingEvent } from './to-incoming-event.ts';
import { envelopeSchema, parseWebhookEvent } from './webhook-event.ts';

function parseFixture(name: string) {
  const text = fixtureText(name);
  const json: unknown = JSON.parse(text);
  return { text, json, parsed: parseWebhookEvent(envelopeSchema.parse(json), json) };
}

describe('parseWebhookEvent', () => {
  it('keeps 19-digit ids exactly (they do not survive a JS number)', () => {
    const { parsed } = parseFixture('user_send_text');
    expect(parsed.status).toBe('handled');
    if (parsed.status !== 'handled' || parsed.event.type !== 'user-message') throw new Error('unexpected');
    expect(parsed.event.event.sender.id).toBe('6142494823919228012');
    expect(parsed.event.event.recipient.id).toBe('3662729599332560487');
    expect(String(Number('6142494823919228012'))).not.toBe('6142494823919228012');
  });

  it('turns user_send_text into a direct text message', () => {
    const { parsed } = parseFixture('user_send_text');
    if (parsed.status !== 'handled') throw new Error('unexpected');
    expect(toIncomingEvent(parsed.event, 7)).toEqual({
      kind: 'message',
      source: 'oa',
      inboundEventId: 7,
      channelId: '3662729599332560487',
      chat: { kind: 'direct', userId: '6142494823919228012' },
      senderId: '6142494823919228012',
      senderName: null,
      messageId: 'cb31dff1c39642cc1b83',
      text: 'Cho tôi hỏi cách cài VNeID',
      attachmentTypes: [],
      receivedAt: new Date(1763606461354),
    });
  });

  it('turns user_send_image into a message with its caption and attachment type', () => {
    const { parsed } = parseFixture('user_send_image');
    if (parsed.status !== 'handled') throw new Error('unexpected');
    const incoming = toIncomingEvent(parsed.event, 8);
    expect(incoming).toMatchObject({ kind: 'message', text: 'Màn hình báo lỗi thế này ạ', attachmentTypes: ['image'], messageId: 'a7c2e91f00b34d5e8a21' });
  });

  it('turns follow into a follow of the OA-scoped user', () => {
    const { parsed } = parseFixture('follow');
    if (parsed.status !== 'handled') throw new Error('unexpected');
    expect(toIncomingEvent(parsed.event, 9)).toEqual({
      kind: 'follow',
      inboundEventId: 9,
      channelId: '3662729599332560487',
      userId: '6142494823919228012',
      receivedAt: new Date(1763606400123),
    });
  });

  it('turns user_submit_info into the shared name and phone', () => {
    const { parsed } = parseFixture('user_submit_info');
    if (parsed.status !== 'handled') throw new Error('unexpected');
    expect(toIncomingEvent(parsed.event, 10)).toMatchObject({ kind: 'shared-info', userId: '6142494823919228012', name: 'Nguyễn Văn Bảy', phone: '84912345678' });
  });

  it('accepts the newer user_submit_info shape', () => {
    const json = { ...JSON.parse(fixtureText('user_submit_info')), info: { name: 'Bảy', phone: '0912345678', user_dob: '1950', full_address: { user_city: 'X' } } };
    const parsed = parseWebhookEvent(envelopeSchema.parse(json), json);
    expect(parsed.status).toBe('handled');
  });

  it('stores event types we do not act on as ignored', () => {
    expect(parseFixture('user_seen_message').parsed.status).toBe('ignored');
  });

  it('marks a known event with a wrong shape as invalid (an id sent as a number)', () => {
    const json = { ...JSON.parse(fixtureText('user_send_text')), sender: { id: 6142494823919228 } };
    expect(parseWebhookEvent(envelopeSchema.parse(json), json).status).toBe('invalid');
  });

  it('drops our own echoes', () => {
    const json = { event_name: 'oa_send_text', timestamp: '1', sender: { id: '3662729599332560487' }, recipient: { id: '6142494823919228012' }, message: { msg_id: 'x', text: 'hi' } };
    const parsed = parseWebhookEvent(envelopeSchema.parse(json), json);
    if (parsed.status !== 'handled') throw new Error('unexpected');
    expect(toIncomingEvent(parsed.event, 1)).toBeNull();
  });
});

describe('GMF group events: the group id is read from every documented place', () => {
  const base = JSON.parse(fixtureText('user_send_group_text')) as Record<string, unknown>;
  const oaId = '3662729599332560487';
  const variants: [string, Record<string, unknown>][] = [
    ['recipient.id (a Go CRM reads it there)', { ...base, recipient: { id: '111' } }],
    ['recipient.group_id', { ...base, recipient: { id: oaId, group_id: '111' } }],
    ['message.conversation_id', { ...base, recipient: { id: oaId }, message: { ...(base.message as object), conversation_id: '111' } }],
    ['a top-level group_id', { ...base, recipient: { id: oaId }, group_id: '111' }],
  ];

  it.each(variants)('%s', (_where, json) => {
    const parsed = parseWebhookEvent(envelopeSchema.parse(json), json, oaId);
    if (parsed.status !== 'handled') throw new Error(`not handled: ${JSON.stringify(parsed)}`);
    expect(toIncomingEvent(parsed.event, 1)).toMatchObject({ kind: 'message', source: 'oa', chat: { kind: 'group', groupId: '111' }, senderName: 'Nguyễn Văn An' });
  });

  it('never takes the OA id for a group id, and stores an event without any as invalid', () => {
    const json = { ...base, recipient: { id: oaId } };
    expect(parseWebhookEvent(envelopeSchema.parse(json), json, oaId).status).toBe('invalid');
  });

  it('keeps report counts in group messages while still hiding ID-card numbers', async () => {
    const { redactStoredPayload } = await import('./redact-stored-payload.ts');
    const json = { ...base, message: { msg_id: 'x', text: '/bc 1200 người, cccd 001203004567' } };
    const parsed = parseWebhookEvent(envelopeSchema.parse(json), json, oaId);
    if (parsed.status !== 'handled') throw new Error('unexpected');
    const stored = redactStoredPayload(parsed.event, Buffer.from(JSON.stringify(json)));
    expect(stored).toContain('1200 người');
    expect(stored).not.toContain('001203004567');
  });
});

describe('webhookEventKey', () => {
  it('uses OA id, event name and msg_id when there is one', () => {
    const { json, text } = parseFixture('user_send_text');
    const oaId = webhookEventOaId('user_send_text', json, 'fallback');
    expect(oaId).toBe('3662729599332560487');
    expect(webhookEventKey({ oaId, eventName: 'user_send_text', json, rawBody: Buffer.from(text) })).toBe('oa:3662729599332560487:user_send_text:cb31dff1c39642cc1b83');
  });

  it('hashes the body when there is no msg_id, so a redelivery has the same key', () => {
    const { json, text } = parseFixture('follow');
    const a = webhookEventKey({ oaId: 'o', eventName: 'follow', json, rawBody: Buffer.from(text) });
    const b = webhookEventKey({ oaId: 'o', eventName: 'follow', json, rawBody: Buffer.from(text) });
    const other = webhookEventKey({ oaId: 'o', eventName: 'follow', json, rawBody: Buffer.from(text.replace('1763606400123', '1763606400124')) });
    expect(a).toMatch(/^oa:o:follow:sha256:[0-9a-f]{64}$/);
    expect(a).toBe(b);
    expect(a).not.toBe(other);
  });
});
