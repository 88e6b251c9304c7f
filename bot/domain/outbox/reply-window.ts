/**
 * Zalo's consultation windows, counted from the resident's last interaction with the OA
 * (docs/platform-facts.md, "Send API"): free within 48 h, billable until 7 days, then refused (-230).
 */
export const freeWindowMs = 48 * 3600_000;
export const consultationWindowMs = 7 * 24 * 3600_000;

export type ReplyWindow = 'free' | 'paid' | 'closed';

export function replyWindow(lastInteractionAt: Date | null, now: Date): ReplyWindow {
  if (!lastInteractionAt) return 'closed';
  const age = now.getTime() - lastInteractionAt.getTime();
  if (age <= freeWindowMs) return 'free';
  if (age <= consultationWindowMs) return 'paid';
  return 'closed';
}
