import { z } from 'zod';
import type { Caller } from './caller.ts';
import { canManage, isLeader, seesManyCommunes } from './caller.ts';

/** Shapes the API answers with (docs/miniapp-api.md), shared by the routes that return them. */
export const roleSchema = z.enum(['member', 'team_leader', 'commune_leader', 'province_admin', 'admin']);
const ref = z.object({ id: z.number().int(), name: z.string() });

export const meSchema = z.object({
  memberId: z.number().int(),
  name: z.string(),
  role: roleSchema,
  verified: z.boolean(),
  team: ref.extend({ kind: z.enum(['village', 'commune', 'commune_leaders']) }),
  unit: ref,
  commune: ref,
  /** The commune's province today; null when the commune has none. */
  province: ref.nullable(),
  /** `pickCommune`: the dashboard may show other communes (GET /api/communes lists them). */
  can: z.object({ manageTeam: z.boolean(), dashboard: z.boolean(), pickCommune: z.boolean() }),
});

export function meOf(c: Caller): z.infer<typeof meSchema> {
  return {
    memberId: c.member.id,
    name: c.member.displayName,
    role: c.member.role,
    verified: c.member.verified,
    team: { id: c.team.id, name: c.team.name, kind: c.team.kind },
    unit: { id: c.unit.id, name: c.unit.name },
    commune: { id: c.commune.id, name: c.commune.name },
    province: c.province ? { id: c.province.id, name: c.province.name } : null,
    can: { manageTeam: canManage(c), dashboard: isLeader(c), pickCommune: seesManyCommunes(c) },
  };
}

export const sessionAnswer = z.object({ session: z.string(), expiresAt: z.iso.datetime(), me: meSchema });

export const countsSchema = z.record(z.string(), z.number().int());

export const reportSchema = z.object({
  id: z.number().int(),
  date: z.iso.date(),
  memberId: z.number().int(),
  memberName: z.string(),
  counts: countsSchema,
  note: z.string().nullable(),
  source: z.enum(['chat', 'miniapp']),
  createdAt: z.iso.datetime(),
  editable: z.boolean(),
  withdrawn: z.boolean(),
});

export const targetProgressSchema = z.object({ metric: z.string(), label: z.string(), target: z.number().int(), done: z.number().int(), percent: z.number() });

export const helpRequestSchema = z.object({
  id: z.number().int(),
  status: z.enum(['open', 'claimed', 'done', 'cancelled']),
  topic: z.string(),
  village: z.string().nullable(),
  address: z.string().nullable(),
  createdAt: z.iso.datetime(),
  dueAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
  claimedBy: z.object({ memberId: z.number().int(), name: z.string() }).nullable(),
  closeNote: z.string().nullable(),
  residentName: z.string().nullable(),
  residentPhone: z.string().nullable(),
});

/** `?cursor=&limit=`: pages of a list, newest first. */
export const pageQuery = z.object({
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** A page's answer schema: its items and the cursor of the next page (null on the last). */
export const pageOfSchema = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.number().int().nullable() });

/**
 * One page from `limit + 1` rows read below the cursor: the extra row only says that there is more.
 * `load` receives the id to read below and how many rows to read.
 */
export async function readPage<R extends { id: number }, T>(
  query: z.infer<typeof pageQuery>,
  load: (before: number | null, limit: number) => Promise<R[]>,
  show: (row: R) => T,
): Promise<{ items: T[]; nextCursor: number | null }> {
  const rows = await load(query.cursor ?? null, query.limit + 1);
  const page = rows.slice(0, query.limit);
  return { items: page.map(show), nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
}

export const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** Totals as the API sends them: only the metrics that have a number. */
export function countsOf(totals: Partial<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(totals).filter((e): e is [string, number] => e[1] !== undefined));
}
