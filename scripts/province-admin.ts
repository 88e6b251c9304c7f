import { parseArgs } from 'node:util';
import { dayMonth, vietnamDate } from '../bot/domain/calendar.ts';
import { appCodeTtlMs } from '../bot/domain/teams/app-login.ts';
import { oneTimeCode } from '../bot/domain/teams/link-codes.ts';
import { findMemberContext, insertMemberAppCode, setMemberRole } from '../db/queries/app-members.ts';
import { listLeadersTeamsOfProvince } from '../db/queries/app-teams.ts';
import { insertMemberIfMissing } from '../db/queries/members.ts';
import type { MemberRow } from '../db/queries/members.ts';
import { findOrgUnitByCode } from '../db/queries/org-units.ts';
import { runWithCore } from './lib/run-with-core.ts';

/**
 * `npm run province:admin -- <province-code> --name "…" [--phone 09…] [--commune <code>]`: makes a
 * person a province admin, who sees every commune of the province in the Mini App as a commune
 * leader sees theirs. Teams belong to communes or villages, so the membership sits in the leaders'
 * team of one commune of the province (`--commune`, else the first by name that has one); the
 * province is that commune's. Run again with the same name: nothing is added, a fresh login code is
 * printed. `--member <id>` promotes an existing member of a team of the province instead.
 */
const usage = 'usage: npm run province:admin -- <province-code> (--name "Họ và tên" [--phone 09…] [--commune <commune-code>] | --member <id>)';
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string' }, phone: { type: 'string' }, commune: { type: 'string' }, member: { type: 'string' } },
});
const provinceCode = positionals[0];
const memberId = values.member === undefined ? null : Number(values.member);
if (!provinceCode || (values.name === undefined) === (memberId === null) || (memberId !== null && !Number.isInteger(memberId))) {
  console.error(usage);
  process.exit(2);
}

await runWithCore('province-admin', async (core) => {
  const province = await findOrgUnitByCode(core.db, provinceCode);
  if (!province || province.kind !== 'province') throw new Error(`no province with code "${provinceCode}"`);
  if (province.validTo !== null) throw new Error(`province "${provinceCode}" was merged away; give the code of the province that replaced it`);

  let member: MemberRow;
  if (memberId !== null) {
    const context = await findMemberContext(core.db, memberId);
    if (!context) throw new Error(`no member with id ${memberId}`);
    if (context.province?.id !== province.id) throw new Error(`member ${memberId} (${context.member.displayName}) is in ${context.commune.name}, not in ${province.name}`);
    member = (await setMemberRole(core.db, { memberId, role: 'province_admin' })) ?? context.member;
  } else {
    const leaders = await listLeadersTeamsOfProvince(core.db, province.id);
    const chosen = values.commune ? leaders.find((l) => l.commune.code === values.commune) : leaders[0];
    if (!chosen) {
      const what = values.commune ? `no commune "${values.commune}" with a leaders' team in ${province.name}` : `no commune of ${province.name} has a leaders' team`;
      throw new Error(`${what}; create one with npm run team:create -- <commune-code> --leaders`);
    }
    const found = await insertMemberIfMissing(core.db, { teamId: chosen.team.id, displayName: values.name ?? '', role: 'province_admin', phone: values.phone ?? null, verified: true });
    member = found.role === 'province_admin' ? found : ((await setMemberRole(core.db, { memberId: found.id, role: 'province_admin' })) ?? found);
  }

  const context = await findMemberContext(core.db, member.id);
  // As a leader's code (createMemberAppCode), made by nobody: the operator.
  const code = { code: oneTimeCode(), expiresAt: new Date(Date.now() + appCodeTtlMs) };
  await insertMemberAppCode(core.db, { code: code.code, memberId: member.id, createdByMemberId: null, expiresAt: code.expiresAt });
  console.log(`${member.displayName} (id ${member.id}): quản trị tỉnh ${province.name}, thuộc ${context?.team.name ?? 'tổ ?'}`);
  console.log(`Mã đăng nhập Mini App: ${code.code}  (dùng một lần, hết hạn ${dayMonth(vietnamDate(code.expiresAt))})`);
  if (member.phone) console.log(`Hoặc mở Mini App và chia sẻ số điện thoại ${member.phone}.`);
});
