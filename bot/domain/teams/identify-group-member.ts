import type { DbOrTx } from '../../../db/client.ts';
import { findMemberByZaloId, insertMember } from '../../../db/queries/members.ts';
import type { MemberRow } from '../../../db/queries/members.ts';

/**
 * The member who wrote in the team's group. Someone the team does not know yet is added as an
 * unverified member under their Zalo display name, for the leader to confirm: their report counts.
 */
export async function identifyGroupMember(
  db: DbOrTx,
  params: { teamId: number; source: 'oa' | 'zca'; zaloUserId: string; displayName: string | null },
): Promise<{ member: MemberRow; isNew: boolean }> {
  const known = await findMemberByZaloId(db, { teamId: params.teamId, source: params.source, zaloUserId: params.zaloUserId });
  if (known) return { member: known, isNew: false };
  const member = await insertMember(db, {
    teamId: params.teamId,
    displayName: params.displayName?.trim().slice(0, 100) || `Thành viên …${params.zaloUserId.slice(-4)}`,
    zaloUserId: params.zaloUserId,
    zaloIdSource: params.source,
    role: 'member',
    verified: false,
  });
  return { member, isNew: true };
}
