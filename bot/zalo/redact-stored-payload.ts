import { redactSensitiveText } from '../chat/redact-sensitive-text.ts';
import type { ZaloWebhookEvent } from './webhook-event.ts';

/**
 * The JSON text we keep for a handled event: the exact body, unless the message text holds an
 * ID-like number or a one-time code, in which case the text is redacted and the JSON re-written.
 * Re-writing is safe because every id in these events is a string.
 */
export function redactStoredPayload(parsed: ZaloWebhookEvent, rawBody: Buffer): string {
  const raw = rawBody.toString('utf8');
  if (parsed.type !== 'user-message' && parsed.type !== 'group-message') return raw;
  const text = parsed.event.message.text;
  if (!text) return raw;
  // In groups, 4-digit numbers are report counts ("1200 người"), not one-time codes.
  const redacted = redactSensitiveText(text, { codes: parsed.type === 'user-message' });
  if (redacted === text) return raw;
  return JSON.stringify({ ...parsed.event, message: { ...parsed.event.message, text: redacted } });
}
