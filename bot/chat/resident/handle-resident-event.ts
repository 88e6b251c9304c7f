import { findLatestConsent } from '../../../db/queries/consents.ts';
import { cancelPendingFollowUps } from '../../../db/queries/follow-ups.ts';
import { stopActiveGuideRuns } from '../../../db/queries/guide-runs.ts';
import { markPrivacyNoticeShown, updateResidentDetails } from '../../../db/queries/residents.ts';
import { consentPurposes, hasConsent, privacyNoticeVersion } from '../../domain/residents/consent.ts';
import { texts } from '../texts.vi.ts';
import { loadConversationState } from './conversation-state.ts';
import { mainMenu } from './replies.ts';
import type { Turn } from './turn.ts';
import { receiveSharedPhone } from './visit-form.ts';
import { extractPhoneNumber } from './form-inputs.ts';

/** Following the OA: the welcome with the privacy notice the first time, a menu afterwards. */
export async function welcomeFollower(turn: Turn): Promise<void> {
  if (turn.resident.privacyNoticeVersion !== privacyNoticeVersion) {
    await markPrivacyNoticeShown(turn.db, { id: turn.resident.id, version: privacyNoticeVersion, at: turn.now });
    turn.say({ kind: 'text', text: texts.welcome(turn.commune?.name ?? 'xã') }, mainMenu());
    return;
  }
  turn.say(mainMenu(texts.greetingBack));
}

/** Unfollowing: Zalo will refuse our messages anyway, so nothing stays scheduled. */
export async function forgetSchedules(turn: Turn): Promise<void> {
  await stopActiveGuideRuns(turn.db, { residentId: turn.resident.id, at: turn.now });
  await cancelPendingFollowUps(turn.db, { residentId: turn.resident.id, reason: 'unfollowed', at: turn.now });
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
    await updateResidentDetails(turn.db, { id: turn.resident.id, displayName: info.name.slice(0, 100) });
    turn.resident = { ...turn.resident, displayName: info.name.slice(0, 100) };
  }
  const state = await loadConversationState(turn.db, turn.resident.id, turn.now);
  if (state?.kind === 'visit' && state.step === 'phone-wait') return receiveSharedPhone(turn, state, phone);
  await updateResidentDetails(turn.db, { id: turn.resident.id, phone });
}
