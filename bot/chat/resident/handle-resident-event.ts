import { findLatestConsent } from '../../../db/queries/consents.ts';
import { recordResidentDetails } from '../../domain/residents/resident-details.ts';
import { stopGuides } from '../../domain/guides/guide-progress.ts';
import { consentPurposes, hasConsent, privacyNoticeVersion } from '../../domain/residents/consent.ts';
import { texts } from '../texts.vi.ts';
import { mainMenu } from './replies.ts';
import { communeName } from './turn.ts';
import type { Turn } from './turn.ts';
import { startingState } from './turn-start.ts';
import { receiveSharedPhone } from './visit-form.ts';
import { extractPhoneNumber } from './form-inputs.ts';

/**
 * The welcome with the privacy notice, said once per notice version (on following or on the first
 * message, whichever comes first). True when it was said now. That it was shown is written with
 * the turn's replies, in the same statement.
 */
export function welcomeIfNew(turn: Turn): boolean {
  if (turn.resident.privacyNoticeVersion === privacyNoticeVersion) return false;
  turn.noticeShown = privacyNoticeVersion;
  turn.resident = { ...turn.resident, privacyNoticeVersion, privacyNoticeAt: turn.now };
  turn.say({ kind: 'text', text: texts.welcome(communeName(turn)) });
  return true;
}

/** Following the OA: the welcome and the menu the first time, a shorter greeting afterwards. */
export function welcomeFollower(turn: Turn): void {
  turn.say(mainMenu(welcomeIfNew(turn) ? texts.menuPrompt : texts.greetingBack));
}

/** Unfollowing: Zalo will refuse our messages anyway, so nothing stays scheduled. */
export async function forgetSchedules(turn: Turn): Promise<void> {
  await stopGuides(turn.db, { residentId: turn.resident.id, reason: 'unfollowed', now: turn.now });
}

/**
 * The answer to Zalo's "share your details" card. Kept only if the resident chose to share their
 * phone with us for this purpose; otherwise nothing is stored.
 */
export async function receiveSharedInfo(turn: Turn, info: { name: string | null; phone: string | null }): Promise<void> {
  const phone = info.phone ? extractPhoneNumber(info.phone) : null;
  const phoneConsent = await findLatestConsent(turn.db, { residentId: turn.resident.id, purpose: 'phone' });
  if (!phone || !phoneConsent?.granted || phoneConsent.textVersion !== consentPurposes.phone) return;
  if (info.name && (await hasConsent(turn.db, { residentId: turn.resident.id, purpose: 'home-visit' }))) {
    await recordResidentDetails(turn.db, turn.resident.id, { displayName: info.name });
    turn.resident = { ...turn.resident, displayName: info.name.slice(0, 100) };
  }
  const state = await startingState(turn);
  if (state?.kind === 'visit' && state.step === 'phone-wait') return receiveSharedPhone(turn, state, phone);
  await recordResidentDetails(turn.db, turn.resident.id, { phone });
}
