import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { orgUnits, targets, unitPopulations } from '../../../db/schema/index.ts';
import type { ImportProblem } from './import-units.ts';
import { parseCsv } from './parse-csv.ts';

export type TargetsResult = { ok: true; targets: number; populations: number } | { ok: false; problems: ImportProblem[] };

/** The two denominators, given as `metric` with an empty period. */
const populationMetrics = ['adults', 'households'] as const;
type Row = { line: number; unitCode: string; metric: string; period: string; value: number };

/**
 * `npm run targets:import`: `unit_code,metric,period,target` rows. A metric id with a period
 * (`2026-11` or `2026`) is a target; `adults` or `households` with no period is the unit's
 * population. Same rules as units: all or nothing, every bad row named, re-import is an update.
 */
export async function importTargets(db: Db, csvText: string, options: { metricIds: readonly string[] }): Promise<TargetsResult> {
  const { rows, problems } = readRows(csvText, options.metricIds);
  const codes = [...new Set(rows.map((r) => r.unitCode))];
  const units = codes.length === 0 ? [] : await db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits).where(inArray(orgUnits.code, codes));
  const idOf = new Map(units.map((u) => [u.code, u.id]));
  for (const r of rows) if (!idOf.has(r.unitCode)) problems.push({ line: r.line, reason: `unit "${r.unitCode}" is not stored (import it with units:import first)` });
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  return db.transaction(async (tx) => {
    let targetCount = 0;
    let populationCount = 0;
    for (const r of rows) {
      const unitId = idOf.get(r.unitCode) ?? 0;
      if (r.metric === 'adults' || r.metric === 'households') {
        const column = r.metric === 'adults' ? { adults: r.value } : { households: r.value };
        await tx.insert(unitPopulations).values({ unitId, ...column }).onConflictDoUpdate({ target: unitPopulations.unitId, set: { ...column, updatedAt: sql`now()` } });
        populationCount += 1;
      } else {
        await tx
          .insert(targets)
          .values({ unitId, metric: r.metric, period: r.period, target: r.value })
          .onConflictDoUpdate({ target: [targets.unitId, targets.metric, targets.period], set: { target: r.value, updatedAt: sql`now()` } });
        targetCount += 1;
      }
    }
    return { ok: true, targets: targetCount, populations: populationCount };
  });
}

function readRows(text: string, metricIds: readonly string[]): { rows: Row[]; problems: ImportProblem[] } {
  const { records, error } = parseCsv(text);
  if (error) return { rows: [], problems: [error] };
  const [header, ...lines] = records;
  const names = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const missing = ['unit_code', 'metric', 'period', 'target'].filter((c) => !names.includes(c));
  if (!header || missing.length > 0) return { rows: [], problems: [{ line: header?.line ?? 1, reason: `missing columns: ${missing.join(', ')} (expected unit_code,metric,period,target)` }] };
  const rows: Row[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  for (const record of lines) {
    const get = (c: string) => record.fields[names.indexOf(c)]?.trim() ?? '';
    const bad = (reason: string) => problems.push({ line: record.line, reason });
    const [unitCode, metric, period, raw] = [get('unit_code'), get('metric'), get('period'), get('target')];
    const population = (populationMetrics as readonly string[]).includes(metric);
    const before = problems.length;
    if (!unitCode) bad('unit_code is empty');
    if (!population && !metricIds.includes(metric)) bad(`metric "${metric}" is not one of ${[...metricIds, ...populationMetrics].join(', ')}`);
    if (population && period) bad(`${metric} is a population: leave period empty`);
    if (!population && !/^\d{4}(-(0[1-9]|1[0-2]))?$/.test(period)) bad(`period "${period}" must be a month like 2026-11 or a year like 2026`);
    if (!/^\d{1,8}$/.test(raw)) bad(`target "${raw}" must be a whole number`);
    const key = `${unitCode}|${metric}|${period}`;
    if (seen.has(key)) bad(`the same unit, metric and period is already on line ${seen.get(key)}`);
    seen.set(key, record.line);
    if (problems.length === before) rows.push({ line: record.line, unitCode, metric, period, value: Number(raw) });
  }
  return { rows, problems };
}
