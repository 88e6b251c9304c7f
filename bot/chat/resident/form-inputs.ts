import type { OutboundContent } from '../../domain/outbox/outbound-content.ts';
import { normalizeText } from '../nlu/normalize-text.ts';
import { texts } from '../texts.vi.ts';
import type { ButtonAction } from '../button-actions.ts';
import { withButtons } from './replies.ts';

/** What the resident answered to a form step: a button, or typed text. */
export type FormInput = { action: ButtonAction | null; text: string | null };

/** A consent question with its two buttons; "Đồng ý" is never pre-selected or implied. */
export function consentQuestion(text: string): OutboundContent {
  return withButtons(text, [
    { label: texts.buttons.consentYes, action: { kind: 'consent', granted: true } },
    { label: texts.buttons.consentNo, action: { kind: 'consent', granted: false } },
  ]);
}

const yes = new Set(['dong y', 'co', 'ok', 'duoc', 'u', 'vang', 'dong y a', 'co a', 'vang a', 'da dong y', 'dong y roi']);
const no = new Set(['khong', 'khong dong y', 'thoi', 'khong can', 'tu choi']);

/** True/false from the buttons or a clear typed answer; null when the answer is unclear. */
export function consentAnswer(input: FormInput): boolean | null {
  if (input.action?.kind === 'consent') return input.action.granted;
  if (!input.text) return null;
  const said = normalizeText(input.text).filter((t) => t !== ',' && t !== 'a' && t !== 'nhe').join(' ');
  if (yes.has(said)) return true;
  if (no.has(said)) return false;
  return null;
}

/** A Vietnamese mobile number typed in any common way, as 0xxxxxxxxx; null when there is none. */
export function extractPhoneNumber(text: string): string | null {
  const match = /(?<!\d)(?:\+?84|0)(?:[\s.-]?\d){9}(?!\d)/.exec(text);
  if (!match) return null;
  const digits = match[0].replace(/\D/g, '');
  const local = digits.startsWith('84') ? `0${digits.slice(2)}` : digits;
  return /^0[35789]\d{8}$/.test(local) ? local : null;
}
