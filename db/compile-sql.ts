import { Param, Placeholder, SQL, StringChunk } from 'drizzle-orm';

/** What drizzle's dialect hands the driver: the text with `$n` placeholders and their values. */
export type CompiledSql = { sql: string; params: unknown[] };

/**
 * Compiles hand-written SQL (text, values, nested `sql` fragments, `sql.param`) the way drizzle's
 * Postgres dialect does, without its general walk: drizzle tests every chunk against every kind of
 * entity (tables, columns, views, subqueries…) by prototype chain, which for the worker's
 * statements, with their dozens of values, was most of drizzle's 12% of the worker's CPU. Returns
 * null for anything else (a table, a column, an array, a placeholder, inlined params), for which
 * the caller keeps drizzle's own compilation. compile-sql.test.ts checks both give the same.
 */
export function compileHandWrittenSql(query: SQL): CompiledSql | null {
  const out = { text: [] as string[], params: [] as unknown[] };
  return appendChunks(query, out) ? { sql: out.text.join(''), params: out.params } : null;
}

function appendChunks(query: SQL, out: { text: string[]; params: unknown[] }): boolean {
  if (Reflect.get(query, 'shouldInlineParams') === true) return false;
  for (const chunk of query.queryChunks) {
    if (chunk === undefined) continue;
    if (chunk instanceof StringChunk) out.text.push(chunk.value.join(''));
    else if (chunk instanceof SQL) {
      if (!appendChunks(chunk, out)) return false;
    } else if (chunk instanceof Param) {
      if (chunk.value instanceof Placeholder) return false;
      const value: unknown = chunk.value === null ? null : chunk.encoder.mapToDriverValue(chunk.value);
      if (value instanceof SQL) return false;
      addParam(out, value);
    } else if (isPlainValue(chunk)) addParam(out, chunk);
    else return false;
  }
  return true;
}

function addParam(out: { text: string[]; params: unknown[] }, value: unknown): void {
  out.params.push(value);
  out.text.push(`$${out.params.length}`);
}

/** A value drizzle would send as a parameter as it is: anything that is not one of its own objects. */
function isPlainValue(chunk: unknown): boolean {
  if (chunk === null) return true;
  switch (typeof chunk) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
      return true;
    case 'object':
      return chunk instanceof Date || Buffer.isBuffer(chunk);
    default:
      return false;
  }
}
