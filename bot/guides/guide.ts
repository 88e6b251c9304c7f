/**
 * The shape of one step-by-step guide. Guides are data: one file per topic in this folder,
 * written in Vietnamese for residents, versioned and dated so a stale guide is easy to spot.
 * `{b}` / `{B}` stand for how the resident is addressed ("bác", "cháu", or "bạn" before it is known).
 */

/** The service topics that have a guide (a subset of the intent catalogue). */
export const guideIds = [
  'vneid-install',
  'vneid-level2',
  'vneid-account-recovery',
  'dvc-account',
  'dvc-submit',
  'queue-number',
  'cashless-payment',
  'social-benefit-payment',
  'vssid',
  'e-health-book',
  'ecommerce-shop',
  'sim-owner',
  'digital-signature',
  'scam-safety',
] as const;

export type GuideId = (typeof guideIds)[number];

export type GuideStep = {
  /** What the resident reads for this step. At most 2000 characters (Zalo's limit); aim for < 700. */
  text: string;
  /** Optional picture: a JPG/PNG file (≤ 1 MB) in `bot/guides/images/`, uploaded to Zalo on first use. */
  image?: { file: string; alt: string };
  /**
   * Questions this step answers on its own, in the intent catalogue's pattern syntax over folded
   * words ("quen passcode", "(khong co)|(chua co) nfc"). A resident who asks one enters the guide here.
   */
  answers?: readonly string[];
};

export type Guide = {
  id: GuideId;
  /** Full title, e.g. "Cài ứng dụng VNeID và đăng ký tài khoản mức 1". */
  title: string;
  /** Button label when the resident must choose between topics: at most 30 characters. */
  shortTitle: string;
  /** Bump when the steps change, so runs started on an older text can be told apart. */
  version: number;
  /** When a person last checked the steps against the real app or service (YYYY-MM-DD). */
  lastChecked: string;
  /** First message: what this guide helps with and what to prepare. At most 600 characters. */
  intro: string;
  steps: GuideStep[];
  /** Sent after the last step. */
  done: string;
  /** Where the facts come from (official pages first). Never shown to residents. */
  sources: string[];
};

export function isGuideId(value: string): value is GuideId {
  const ids: readonly string[] = guideIds;
  return ids.includes(value);
}
