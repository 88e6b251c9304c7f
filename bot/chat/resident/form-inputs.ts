import type { OutboundContent } from '../../domain/outbox/outbound-content.ts';
import { texts } from '../texts.vi.ts';
import type { ButtonAction } from '../button-actions.ts';
import type { MessageReading } from './message-reading.ts';
import { withButtons } from './replies.ts';

/** What the resident answered to a form step: a button, or typed text with its reading. */
export type FormInput = { action: ButtonAction | null; text: string | null; reading: MessageReading | null };

/** A consent question with its two buttons; "Đồng ý" is never pre-selected or implied. */
export function consentQuestion(text: string): OutboundContent {
  return withButtons(text, [
    { label: texts.buttons.consentYes, action: { kind: 'consent', granted: true } },
    { label: texts.buttons.consentNo, action: { kind: 'consent', granted: false } },
  ]);
}

/** True/false from the buttons or a clear typed answer ("đúng rồi ạ", "ko"); null when unclear. */
export function consentAnswer(input: FormInput): boolean | null {
  if (input.action?.kind === 'consent') return input.action.granted;
  if (input.action?.kind === 'confirm' && (input.action.choice === 'yes' || input.action.choice === 'no')) return input.action.choice === 'yes';
  const said = input.reading?.yesNo;
  return said === 'yes' ? true : said === 'no' ? false : null;
}

/** A yes/no question asked again with its buttons, because "dung" may be "đúng" or "dừng". */
export function yesOrStop(buttons: { yes: string; no: string }): OutboundContent {
  return withButtons(texts.dungUnclear, [
    { label: buttons.yes, action: { kind: 'confirm', choice: 'yes' } },
    { label: buttons.no, action: { kind: 'confirm', choice: 'no' } },
  ]);
}

/** A Vietnamese mobile number typed in any common way, as 0xxxxxxxxx; null when there is none. */
export function extractPhoneNumber(text: string): string | null {
  const match = /(?<!\d)(?:\+?84|0)(?:[\s.-]?\d){9}(?!\d)/.exec(text);
  if (!match) return null;
  const digits = match[0].replace(/\D/g, '');
  const local = digits.startsWith('84') ? `0${digits.slice(2)}` : digits;
  return /^0[35789]\d{8}$/.test(local) ? local : null;
}
