import { isGuideId } from './guide.ts';
import type { Guide, GuideId } from './guide.ts';
import { vneidInstall } from './vneid-install.ts';
import { vneidLevel2 } from './vneid-level2.ts';
import { vneidAccountRecovery } from './vneid-account-recovery.ts';
import { dvcAccount } from './dvc-account.ts';
import { dvcSubmit } from './dvc-submit.ts';
import { queueNumber } from './queue-number.ts';
import { cashlessPayment } from './cashless-payment.ts';
import { socialBenefitPayment } from './social-benefit-payment.ts';
import { vssid } from './vssid.ts';
import { eHealthBook } from './e-health-book.ts';
import { ecommerceShop } from './ecommerce-shop.ts';
import { simOwner } from './sim-owner.ts';
import { digitalSignature } from './digital-signature.ts';
import { scamSafety } from './scam-safety.ts';

/** Every guide, keyed by its id. */
export const guideLibrary: Record<GuideId, Guide> = {
  'vneid-install': vneidInstall,
  'vneid-level2': vneidLevel2,
  'vneid-account-recovery': vneidAccountRecovery,
  'dvc-account': dvcAccount,
  'dvc-submit': dvcSubmit,
  'queue-number': queueNumber,
  'cashless-payment': cashlessPayment,
  'social-benefit-payment': socialBenefitPayment,
  vssid: vssid,
  'e-health-book': eHealthBook,
  'ecommerce-shop': ecommerceShop,
  'sim-owner': simOwner,
  'digital-signature': digitalSignature,
  'scam-safety': scamSafety,
};

/** The guide with this id, or null for anything else (an intent without a guide, an old id). */
export function findGuide(id: string): Guide | null {
  return isGuideId(id) ? guideLibrary[id] : null;
}
