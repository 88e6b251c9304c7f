import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { orgUnits } from '../../../db/schema/index.ts';
import { isRealDate } from '../calendar.ts';
import { parseCsv } from './parse-csv.ts';

export type ImportProblem = { line: number; reason: string };
export type ImportResult = { ok: true; created: number; updated: number } | { ok: false; problems: ImportProblem[] };

type Kind = 'province' | 'commune' | 'village';
type UnitLine = { line: number; code: string; name: string; kind: Kind; parentCode: string | null; validFrom: string; validTo: string | null; successorCode: string | null };

const columns = ['code', 'name', 'kind', 'parent_code', 'valid_from', 'valid_to', 'successor_code'] as const;
const required = ['code', 'name', 'kind', 'valid_from'] as const;
const rank: Record<Kind, number> = { province: 0, commune: 1, village: 2 };
/** Kinds as written in Vietnamese lists too (folded, no diacritics). */
const kindWords: Record<string, Kind> = {
  province: 'province', tinh: 'province', 'thanh pho truc thuoc trung uong': 'province',
  commune: 'commune', xa: 'commune', phuong: 'commune', 'dac khu': 'commune',
  village: 'village', thon: 'village', 'to dan pho': 'village', ban: 'village', ap: 'village', xom: 'village', 'khu pho': 'village', khom: 'village', buon: 'village', 'khu dan cu': 'village',
};

/**
 * `npm run units:import`: a province's communes and villages from CSV (columns above; `valid_to`
 * and `successor_code` only for units merged away). Every row is checked first and every problem
 * reported with its line; only a file without problems is written, in one transaction. Importing
 * the same file again changes nothing.
 */
export async function importUnits(db: Db, csvText: string): Promise<ImportResult> {
  const { lines, problems: lineProblems } = readLines(csvText);
  // References are checked even when some lines are bad: every bad row is reported in one go.
  const problems = [...lineProblems, ...(await checkReferences(db, lines))].sort((a, b) => a.line - b.line);
  if (problems.length > 0) return { ok: false, problems };
  return db.transaction(async (tx) => {
    const existing = new Set((await tx.select({ code: orgUnits.code }).from(orgUnits).where(inArray(orgUnits.code, lines.map((l) => l.code)))).map((r) => r.code));
    // Parents before children; successors are set once every unit of the file exists.
    for (const unit of [...lines].sort((a, b) => rank[a.kind] - rank[b.kind])) {
      const parentId = unit.parentCode ? sql`(select id from org_units where code = ${unit.parentCode})` : null;
      await tx.execute(sql`
        insert into org_units (code, name, kind, parent_id, valid_from, valid_to)
        values (${unit.code}, ${unit.name}, ${unit.kind}, ${parentId}, ${unit.validFrom}::date, ${unit.validTo}::date)
        on conflict (code) do update set name = excluded.name, kind = excluded.kind, parent_id = excluded.parent_id,
          valid_from = excluded.valid_from, valid_to = excluded.valid_to`);
    }
    for (const unit of lines) {
      const successorId = unit.successorCode ? sql`(select id from org_units where code = ${unit.successorCode})` : null;
      await tx.execute(sql`update org_units set successor_id = ${successorId} where code = ${unit.code}`);
    }
    return { ok: true, created: lines.filter((l) => !existing.has(l.code)).length, updated: lines.filter((l) => existing.has(l.code)).length };
  });
}

function readLines(text: string): { lines: UnitLine[]; problems: ImportProblem[] } {
  const { records, error } = parseCsv(text);
  if (error) return { lines: [], problems: [error] };
  const [header, ...rows] = records;
  if (!header) return { lines: [], problems: [{ line: 1, reason: 'the file is empty' }] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = required.filter((c) => !names.includes(c));
  if (missing.length > 0) return { lines: [], problems: [{ line: header.line, reason: `missing columns: ${missing.join(', ')} (expected ${columns.join(',')})` }] };
  const problems: ImportProblem[] = [];
  const lines: UnitLine[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const get = (c: (typeof columns)[number]) => row.fields[names.indexOf(c)]?.trim() ?? '';
    const bad = (reason: string) => problems.push({ line: row.line, reason });
    const code = get('code');
    const kind = kindWords[plainWords(get('kind'))];
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(code)) bad(`code "${code}" must be lower-case letters, digits and "-"`);
    else if (seen.has(code)) bad(`code "${code}" is already on line ${seen.get(code)}`);
    seen.set(code, row.line);
    if (!get('name')) bad('name is empty');
    if (!kind) bad(`kind "${get('kind')}" is not one of province, commune, village (or tỉnh, xã, phường, thôn, tổ dân phố…)`);
    for (const c of ['valid_from', 'valid_to'] as const) if (get(c) && !isIsoDate(get(c))) bad(`${c} "${get(c)}" is not a date like 2025-07-01`);
    if (!get('valid_from')) bad('valid_from is empty');
    if (get('valid_to') && get('valid_from') && get('valid_to') < get('valid_from')) bad('valid_to is before valid_from');
    if (get('successor_code') && !get('valid_to')) bad('a unit with a successor must have valid_to (the day it was merged)');
    if (kind && kind !== 'province' && !get('parent_code')) bad(`a ${kind} needs parent_code`);
    if (kind) lines.push({ line: row.line, code, name: get('name'), kind, parentCode: get('parent_code') || null, validFrom: get('valid_from'), validTo: get('valid_to') || null, successorCode: get('successor_code') || null });
  }
  if (rows.length === 0) problems.push({ line: header.line, reason: 'no units below the header' });
  return { lines, problems };
}

/** Parents one level up and successors of the same kind, found in the file or already stored. */
async function checkReferences(db: Db, lines: UnitLine[]): Promise<ImportProblem[]> {
  const referenced = [...new Set(lines.flatMap((l) => [l.parentCode, l.successorCode]).filter((c): c is string => c !== null))];
  const stored = referenced.length === 0 ? [] : await db.select({ code: orgUnits.code, kind: orgUnits.kind }).from(orgUnits).where(inArray(orgUnits.code, referenced));
  const kindOf = new Map<string, Kind>([...stored.map((s): [string, Kind] => [s.code, s.kind]), ...lines.map((l): [string, Kind] => [l.code, l.kind])]);
  const problems: ImportProblem[] = [];
  for (const l of lines) {
    if (l.parentCode) {
      const parentKind = kindOf.get(l.parentCode);
      if (!parentKind) problems.push({ line: l.line, reason: `parent_code "${l.parentCode}" is neither in the file nor stored` });
      else if (rank[parentKind] !== rank[l.kind] - 1) problems.push({ line: l.line, reason: `a ${l.kind} cannot belong to a ${parentKind}` });
    }
    if (l.successorCode) {
      const successorKind = kindOf.get(l.successorCode);
      if (l.successorCode === l.code) problems.push({ line: l.line, reason: 'a unit cannot be its own successor' });
      else if (!successorKind) problems.push({ line: l.line, reason: `successor_code "${l.successorCode}" is neither in the file nor stored` });
      else if (successorKind !== l.kind) problems.push({ line: l.line, reason: `a ${l.kind} cannot be merged into a ${successorKind}` });
    }
  }
  return problems;
}

/** "Tổ dân phố" → "to dan pho": how kinds are looked up. */
function plainWords(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().trim().replace(/\s+/g, ' ');
}

function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}
