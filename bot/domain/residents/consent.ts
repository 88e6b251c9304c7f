import type { DbOrTx } from '../../../db/client.ts';
import { findLatestConsent, insertConsent } from '../../../db/queries/consents.ts';

/**
 * What a resident can consent to, with the version of the wording they were shown. Changing the
 * wording means a new version, so every recorded decision says exactly what was agreed to.
 */
export const consentPurposes = {
  'home-visit': 'home-visit-v1',
  question: 'question-v1',
  phone: 'phone-v1',
} as const;
export type ConsentPurpose = keyof typeof consentPurposes;

export const privacyNoticeVersion = 'notice-v1';

export async function recordConsent(db: DbOrTx, params: { residentId: number; purpose: ConsentPurpose; granted: boolean; now: Date }): Promise<void> {
  await insertConsent(db, {
    residentId: params.residentId,
    purpose: params.purpose,
    textVersion: consentPurposes[params.purpose],
    granted: params.granted,
    recordedAt: params.now,
  });
}

/** True when the resident's latest decision for this purpose and wording is a yes. */
export async function hasConsent(db: DbOrTx, params: { residentId: number; purpose: ConsentPurpose }): Promise<boolean> {
  const latest = await findLatestConsent(db, params);
  return latest !== null && latest.granted && latest.textVersion === consentPurposes[params.purpose];
}
