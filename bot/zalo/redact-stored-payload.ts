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

/** Keys whose values are identifiers or times, never free text: left as they are. */
const identifierKey = /(?:^|_)id$|^timestamp$|^event_name$|^app_id$|_by_app$/;

/**
 * The JSON text we keep for an event we do not handle (ignored or of an unexpected shape): every
 * free-text value is redacted as a resident's message would be, whatever the event. Identifiers
 * are kept so the row can still be traced.
 */
export function redactUnhandledPayload(json: unknown, rawBody: Buffer): string {
  let changed = false;
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') {
      if (identifierKey.test(key)) return value;
      const redacted = redactSensitiveText(value, { codes: true });
      if (redacted !== value) changed = true;
      return redacted;
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  const redacted = walk(json, '');
  return changed ? JSON.stringify(redacted) : rawBody.toString('utf8');
}
