import { sql } from 'drizzle-orm';
import { seedProvinceUnits } from './synthetic-province.ts';
import type { Db } from '../../db/client.ts';
import { addOaAccount } from '../../bot/oas/add-oa-account.ts';
import type { SecretBox } from '../../bot/crypto/secret-box.ts';
import { testZalo } from '../local/local-zalo-credentials.ts';

/** One synthetic OA: its id, the key that signs its webhook events, its first refresh token. */
export type BenchOa = { index: number; oaId: string; oaSecretKey: string; refreshToken: string; communeCode: string; groupId: string };

export type OasProvince = { communes: number; oas: number; residentsPerOa: number; ratePerSec: number };

/** `41` + 17 digits: a 19-digit id like the ones Zalo shows, distinct from every other bench's. */
export function benchOas(count: number): BenchOa[] {
  return Array.from({ length: count }, (_x, i) => {
    const n = i + 1;
    return {
      index: n,
      oaId: `41${String(n).padStart(17, '0')}`,
      oaSecretKey: `oas-bench-secret-key-${n}`,
      refreshToken: `RT-oas-bench-${n}`,
      communeCode: `bench-xa-${n}`,
      groupId: `g-oas-bench-${n}`,
    };
  });
}

/**
 * A province of `communes` communes (`bench-xa-<n>`), each with one village; the first `oas` of
 * them served by an OA of their own, registered as an operator does (`addOaAccount`: secrets
 * sealed, refresh token saved, its send rate), all of one Zalo app (one webhook URL). Each OA's
 * village team is bound to a GMF group the OA owns, and each OA has `residentsPerOa` residents.
 * The other communes have no OA (yet), as in a province that moves commune by commune.
 */
export async function seedOasProvince(db: Db, box: SecretBox, size: OasProvince): Promise<BenchOa[]> {
  const oas = benchOas(size.oas);
  await seedProvinceUnits(db, { communes: size.communes, villagesPerCommune: 1 });
  const now = new Date();
  for (const oa of oas) {
    await addOaAccount(
      { db, box, now },
      { communeCode: oa.communeCode, oaId: oa.oaId, appId: testZalo.appId, appSecret: testZalo.appSecret, oaSecretKey: oa.oaSecretKey, refreshToken: oa.refreshToken, sendRatePerSec: size.ratePerSec, name: `Xã ${oa.index}` },
    );
  }
  // A village team in every commune; in a commune with an OA, its group belongs to that OA (as linking one records it).
  await db.execute(sql`
    insert into teams (unit_id, kind, name, zalo_group_id, group_transport, group_oa_id)
    select v.id, 'village', 'Tổ CNSCĐ ' || c.name, case when a.oa_id is null then null else 'g-oas-bench-' || substr(c.code, 10) end,
           case when a.oa_id is null then null else 'gmf'::group_transport end, a.oa_id
      from org_units v join org_units c on c.id = v.parent_id left join oa_accounts a on a.commune_id = c.id
     where v.kind = 'village'`);
  await db.execute(sql`
    insert into members (team_id, display_name, role)
    select t.id, 'Thành viên ' || m, case when m = 1 then 'team_leader'::member_role else 'member'::member_role end
      from teams t, generate_series(1, 3) m`);
  // Residents: `5` + the OA's number (3 digits) + 15 digits, each talking to their commune's OA.
  await db.execute(sql`
    insert into residents (oa_id, zalo_user_id, display_name, village_id, last_interaction_at)
    select a.oa_id, '5' || lpad(substr(c.code, 10), 3, '0') || lpad(r::text, 15, '0'), 'Người dân ' || r, v.id, now()
      from oa_accounts a join org_units c on c.id = a.commune_id join org_units v on v.parent_id = c.id, generate_series(1, ${size.residentsPerOa}) r
     order by a.oa_id, r`);
  return oas;
}

/**
 * One message to each resident of `residentIds` (a page of a province-wide announcement, written
 * commune after commune as such a job writes them, so each OA's rows are together and the last
 * OA's come last). Returns the outbox ids in order.
 */
export async function writeAnnouncements(db: Db, residentIds: number[]): Promise<number[]> {
  const rows = await db.execute<{ id: string }>(sql`
    insert into outbound_messages (idempotency_key, channel, recipient_id, oa_id, resident_id, payload)
    select 'oas-bench-' || r.id, 'oa_user', r.zalo_user_id, r.oa_id, r.id,
           jsonb_build_object('kind', 'text', 'text', 'Xã thông báo: lịch hướng dẫn cài VNeID mức 2 tuần này (tin ' || r.id || ')')
      from residents r where r.id = any(${`{${residentIds.join(',')}}`}::int[]) order by r.oa_id, r.id
    returning id`);
  return rows.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** The residents' ids, in the order of their OAs (the order the announcement is written in), and each one's OA (by `user:<Zalo id>` and by id). */
export async function listResidents(db: Db): Promise<{ ids: number[]; oaOf: Map<string, string>; oaByResidentId: Map<number, string> }> {
  const rows = (await db.execute<{ id: number; zalo_user_id: string; oa_id: string }>(sql`select id, zalo_user_id, oa_id from residents order by oa_id, id`)).rows;
  return { ids: rows.map((r) => Number(r.id)), oaOf: new Map(rows.map((r) => [`user:${r.zalo_user_id}`, r.oa_id])), oaByResidentId: new Map(rows.map((r) => [Number(r.id), r.oa_id])) };
}
