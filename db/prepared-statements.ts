import { createHash } from 'node:crypto';
import { SQL, sql } from 'drizzle-orm';
import type pg from 'pg';
import { compileHandWrittenSql } from './compile-sql.ts';

/*
 * The statements that run for every message (store, claim, start and finish a turn, send) are
 * CTEs that Postgres takes longer to plan than to run: sent unnamed, as drizzle sends everything,
 * each one is parsed and planned again. Measured on one connection, the start of a resident's turn
 * cost 0.82–0.90 ms of the backend's CPU unnamed and 0.16–0.25 ms prepared. Those statements are
 * marked with `prepared()`, and every pooled connection prepares a marked statement the first time
 * it sees it and only binds it after that.
 */

const marker = '/* prepared */ ';

/** At most this many statements are kept prepared per connection; beyond it they run unnamed. */
const perConnectionLimit = 100;

/**
 * Marks `query` to be prepared once per connection (see prepareMarkedStatements). These are the
 * statements run for every message, so they are also compiled by compileHandWrittenSql rather than
 * by drizzle's general walk whenever they are plain hand-written SQL (drizzle's otherwise).
 */
export function prepared(query: SQL): SQL {
  return new PreparedSql([sql.raw(marker), query]);
}

/** A marked statement: compiled without drizzle's walk when it can be, by drizzle when not. */
class PreparedSql extends SQL {
  override toQuery(config: Parameters<SQL['toQuery']>[0]): ReturnType<SQL['toQuery']> {
    return compileHandWrittenSql(this) ?? super.toQuery(config);
  }
}

/** The same mark on a statement's text, for the few statements sent to pg without drizzle. */
export function preparedText(text: string): string {
  return marker + text;
}

/**
 * Makes `client` prepare the marked statements it runs. A statement's name is its text's hash, so
 * the variants of one statement (one reply or three) are prepared apart and never mixed up. pg
 * then sends the text once per connection; a new connection (after a Postgres restart) starts
 * afresh. Behind a pooler that moves sessions between transactions (PgBouncer's transaction mode
 * before 1.21), prepared statements do not hold: DATABASE_PREPARED_STATEMENTS=false turns this off.
 */
export function prepareMarkedStatements(client: pg.ClientBase): void {
  const original: unknown = Reflect.get(client, 'query');
  if (typeof original !== 'function') return;
  const names = new Set<string>();
  Reflect.set(client, 'query', function (this: unknown, ...args: unknown[]) {
    const named = withName(args[0], names);
    if (named) args[0] = named;
    return Reflect.apply(original, client, args);
  });
}

function withName(config: unknown, names: Set<string>): object | null {
  if (typeof config !== 'object' || config === null) return null;
  const text: unknown = Reflect.get(config, 'text');
  if (typeof text !== 'string' || !text.startsWith(marker) || Reflect.get(config, 'name')) return null;
  const name = statementName(text);
  if (!names.has(name)) {
    if (names.size >= perConnectionLimit) return null;
    names.add(name);
  }
  return { ...config, name };
}

/**
 * The texts seen so far and their names. The same few dozen statements run for every message;
 * hashing each one's text again (up to a few kB) cost more of the webhook's CPU than binding it.
 */
const namesByText = new Map<string, string>();
/** A bound on the cache: statement texts with a varying part (a list's length) must not grow it forever. */
const maxCachedNames = 1000;

function statementName(text: string): string {
  const known = namesByText.get(text);
  if (known) return known;
  const name = `p_${createHash('sha1').update(text).digest('base64url')}`;
  if (namesByText.size >= maxCachedNames) namesByText.clear();
  namesByText.set(text, name);
  return name;
}
