import type { Tx } from '../../../db/client.ts';
import { findMembersByPhone, findMembersOfAppUser, insertMemberAppCode, setMemberAppUser, useMemberAppCode } from '../../../db/queries/app-members.ts';
import type { MemberRow } from '../../../db/queries/members.ts';
import { oneTimeCode } from './link-codes.ts';

export const appCodeTtlMs = 24 * 3600_000;

export type AppLoginOutcome = { kind: 'member'; member: MemberRow } | { kind: 'not-linked' } | { kind: 'bad-code' } | { kind: 'phone-unknown' };

/**
 * Finds the membership behind a Mini App user. Their id is a third id space (per Zalo app), so the
 * first time it is linked: by a one-time code a leader gave them, or by the phone number they shared,
 * which links every membership with that number. The highest role wins when there are several.
 */
export async function resolveAppUser(tx: Tx, p: { miniappUserId: string; linkCode: string | null; phone: string | null; now: Date }): Promise<AppLoginOutcome> {
  const known = await findMembersOfAppUser(tx, p.miniappUserId);
  if (known[0]) return { kind: 'member', member: known[0] };
  if (p.linkCode) {
    const memberId = await useMemberAppCode(tx, { code: p.linkCode.trim().toUpperCase(), now: p.now });
    if (memberId === null) return { kind: 'bad-code' };
    await setMemberAppUser(tx, { memberIds: [memberId], miniappUserId: p.miniappUserId });
  } else if (p.phone) {
    const byPhone = await findMembersByPhone(tx, p.phone);
    if (byPhone.length === 0) return { kind: 'phone-unknown' };
    await setMemberAppUser(tx, { memberIds: byPhone.map((m) => m.id), miniappUserId: p.miniappUserId });
  } else {
    return { kind: 'not-linked' };
  }
  const [member] = await findMembersOfAppUser(tx, p.miniappUserId);
  return member ? { kind: 'member', member } : { kind: 'not-linked' };
}

/** A one-time code a leader hands a member, valid for a day. */
export async function createMemberAppCode(tx: Tx, p: { memberId: number; createdByMemberId: number; now: Date }): Promise<{ code: string; expiresAt: Date }> {
  const code = oneTimeCode();
  const expiresAt = new Date(p.now.getTime() + appCodeTtlMs);
  await insertMemberAppCode(tx, { code, memberId: p.memberId, createdByMemberId: p.createdByMemberId, expiresAt });
  return { code, expiresAt };
}
