import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb } from '../../db/client.ts';
import type { DbHandle } from '../../db/client.ts';
import { members, orgUnits, teams } from '../../db/schema/index.ts';
import { demoCommune, seedDemoCommune } from '../../db/seed-demo-commune.ts';
import { createTestDatabase } from '../helpers/test-services.ts';
import type { TestDatabase } from '../helpers/test-services.ts';

let database: TestDatabase;
let handle: DbHandle;
beforeAll(async () => {
  database = await createTestDatabase(inject('databaseBaseUrl'), inject('templateDatabase'));
  handle = createDb(database.url);
});
afterAll(async () => {
  await handle?.close();
  await database?.drop();
});

describe('db:seed', () => {
  it('creates the demo commune once, however often it runs', async () => {
    await seedDemoCommune(handle.db);
    const snapshot = async () => ({
      units: (await handle.db.select().from(orgUnits)).length,
      teams: (await handle.db.select().from(teams)).length,
      members: (await handle.db.select().from(members)).length,
    });
    const first = await snapshot();
    await seedDemoCommune(handle.db);
    await seedDemoCommune(handle.db);
    expect(await snapshot()).toEqual(first);
    expect(first).toEqual({
      units: 2 + demoCommune.villages.length,
      teams: demoCommune.villages.length + 1,
      members: demoCommune.villages.reduce((n, v) => n + v.members.length, 0) + demoCommune.leaders.length,
    });
  });

  it('builds the tree: province → demo-xa → villages, each village with a led team', async () => {
    const units = await handle.db.select().from(orgUnits);
    const commune = units.find((u) => u.code === 'demo-xa');
    const province = units.find((u) => u.code === 'demo-tinh');
    expect(commune).toMatchObject({ kind: 'commune', parentId: province?.id, validTo: null });
    const villages = units.filter((u) => u.parentId === commune?.id);
    expect(villages.map((v) => v.kind)).toEqual(demoCommune.villages.map(() => 'village'));
    const allTeams = await handle.db.select().from(teams);
    const allMembers = await handle.db.select().from(members);
    for (const village of villages) {
      const team = allTeams.find((t) => t.unitId === village.id);
      expect(team?.kind).toBe('village');
      expect(allMembers.filter((m) => m.teamId === team?.id && m.role === 'team_leader')).toHaveLength(1);
    }
    const leaders = allTeams.find((t) => t.kind === 'commune_leaders');
    expect(leaders?.unitId).toBe(commune?.id);
    expect(allMembers.filter((m) => m.teamId === leaders?.id).map((m) => m.role).sort()).toEqual(['admin', 'commune_leader']);
  });
});
