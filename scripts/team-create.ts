import { parseArgs } from 'node:util';
import { dayMonth, vietnamDate } from '../bot/domain/calendar.ts';
import { createTeamLinkCode } from '../bot/domain/teams/link-codes.ts';
import { findOrgUnitByCode } from '../db/queries/org-units.ts';
import { findTeamOfUnit, upsertTeam } from '../db/queries/teams.ts';
import { runWithCore } from './lib/run-with-core.ts';

/**
 * `npm run team:create -- <unit-code> [--name "Tổ …"] [--leaders]`: creates the team of a village
 * or commune (or finds it) and prints a one-time code; `/lienket CODE` in the team's Zalo group
 * binds the group to the team. Run it again for a fresh code.
 */
const { positionals, values } = parseArgs({ allowPositionals: true, options: { name: { type: 'string' }, leaders: { type: 'boolean' } } });
const unitCode = positionals[0];
if (!unitCode) {
  console.error('usage: npm run team:create -- <unit-code> [--name "Tổ CNSCĐ …"] [--leaders]');
  process.exit(2);
}
await runWithCore('team-create', async (core) => {
  const unit = await findOrgUnitByCode(core.db, unitCode);
  if (!unit) throw new Error(`no unit with code "${unitCode}" (see npm run db:seed for the demo commune)`);
  const kind = values.leaders ? 'commune_leaders' : unit.kind === 'village' ? 'village' : 'commune';
  const team =
    (await findTeamOfUnit(core.db, { unitId: unit.id, kind })) ??
    (await upsertTeam(core.db, { unitId: unit.id, kind, name: values.name ?? (kind === 'commune_leaders' ? `Lãnh đạo ${unit.name}` : `Tổ CNSCĐ ${unit.name}`) }));
  const { code, expiresAt } = await createTeamLinkCode(core.db, { teamId: team.id, now: new Date() });
  console.log(`${team.name} (id ${team.id})`);
  console.log(`Mã liên kết: ${code}  (dùng một lần, hết hạn ${dayMonth(vietnamDate(expiresAt))})`);
  console.log(`Trong nhóm Zalo của tổ, gõ: /lienket ${code}`);
});
