import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';

/*
 * A transaction costs two round trips of its own besides its statements: BEGIN and COMMIT. On a
 * small virtual machine a round trip costs the client and Postgres more CPU than the statements
 * of a resident's turn (waking a process is the expensive part), and the worker's transactions run
 * for every message. So, on every pooled connection:
 * - BEGIN is held back and written together with the transaction's first statement, in one
 *   protocol exchange (one Sync): the same statements in the same order, one round trip;
 * - a statement marked `committing()` is written together with a COMMIT in one exchange. When it
 *   fails, Postgres skips the COMMIT and the transaction is rolled back as before; when it
 *   succeeds, the transaction is committed and the COMMIT drizzle sends after the callback is
 *   answered here, without a round trip.
 * A transaction with no statement at all sends nothing.
 */

const commitMarker = '/* commits */ ';

/**
 * Marks the last statement of a transaction: it is sent with the COMMIT. Only for a statement
 * after which the transaction's callback returns and cannot fail: a rollback requested after it
 * finds the transaction committed already and fails loudly.
 */
export function committing(query: SQL): SQL {
  return sql`${sql.raw(commitMarker)}${query}`;
}

/** Thrown when a transaction is rolled back after its `committing()` statement committed it. */
export class CommittedAlreadyError extends Error {
  constructor() {
    super('rollback requested after the transaction was committed by its last statement (see committing())');
  }
}

type Brackets = { begins: boolean; commits: boolean };
type Callback = (err: Error | null, result?: unknown) => void;
/** The parts of pg's Connection and Query this file writes through (pg 8; see node_modules/pg/lib/query.js). */
type Wire = {
  parse(message: { text: string; name?: string }): void;
  bind(message: object): void;
  execute(message: { portal?: string; rows?: number }): void;
  sync(): void;
  parsedStatements: Record<string, string | undefined>;
};
type ResultLike = { command: string | null };
type QueryInternals = {
  portal: string;
  _results: ResultLike | ResultLike[];
  _canceledDueToError: Error | false;
  prepare(connection: Wire): void;
  _getRows(connection: Wire, rows: number | undefined): void;
  handleReadyForQuery(connection: Wire): void;
};
type QueryConstructor = new (config: object, values: unknown, callback: Callback) => QueryInternals;

const BaseQuery = pg.Query as unknown as QueryConstructor;

/**
 * The pg methods BracketedQuery overrides. Should a pg release rename one, the override would
 * never run and a held BEGIN would never be sent: then nothing is pipelined at all.
 */
const pgInternalsKnown = ['prepare', '_getRows', 'handleReadyForQuery', 'hasBeenParsed'].every((method) => typeof Reflect.get(pg.Query.prototype, method) === 'function');

/** One statement with BEGIN before it and/or COMMIT after it, all answered before one Sync. */
class BracketedQuery extends BaseQuery {
  constructor(
    config: object,
    values: unknown,
    callback: Callback,
    private readonly brackets: Brackets,
  ) {
    super(config, values, callback);
  }

  override prepare(connection: Wire): void {
    if (this.brackets.begins) writeUnnamed(connection, 'begin');
    super.prepare(connection);
  }

  /** pg's own ends with Execute and Sync; the COMMIT goes between them. */
  override _getRows(connection: Wire, rows: number | undefined): void {
    if (!this.brackets.commits) return super._getRows(connection, rows);
    connection.execute({ portal: this.portal, rows });
    writeUnnamed(connection, 'commit');
    connection.sync();
  }

  /** pg collects one result per command; the caller gets its statement's, as if sent alone. */
  override handleReadyForQuery(connection: Wire): void {
    const results = Array.isArray(this._results) ? this._results : [this._results];
    const last = results[results.length - 1];
    if (this.brackets.commits && last?.command !== 'COMMIT') this._canceledDueToError = new Error(`the transaction ended with ${last?.command ?? 'nothing'} instead of COMMIT`);
    const own = results[this.brackets.begins ? 1 : 0];
    if (own) this._results = own;
    super.handleReadyForQuery(connection);
  }
}

/** A statement with no parameters, in the unnamed statement and portal. */
function writeUnnamed(connection: Wire, text: string): void {
  connection.parse({ text });
  connection.bind({});
  connection.execute({});
}

/**
 * Installs the pipelining on one pooled connection. It must wrap `query` before
 * prepareMarkedStatements does, so that it sees the statements' names.
 */
export function pipelineTransactionBrackets(client: pg.ClientBase): void {
  const original: unknown = Reflect.get(client, 'query');
  if (typeof original !== 'function' || !pgInternalsKnown) return;
  const send = (...args: unknown[]): unknown => Reflect.apply(original, client, args);
  const state = { beginHeld: false, committed: false };
  Reflect.set(client, 'query', function (this: unknown, ...args: unknown[]): unknown {
    const [config, values] = args;
    const text = promisedQueryText(args);
    if (state.committed) {
      state.committed = false;
      if (text === 'commit') return answered('COMMIT');
      if (text === 'rollback') return Promise.reject(new CommittedAlreadyError());
    }
    if (text === 'begin' && !state.beginHeld) {
      state.beginHeld = true;
      return answered('BEGIN');
    }
    if (!state.beginHeld) {
      // Outside a transaction (most statements) the text is not searched for the marker.
      if (text === null || Reflect.get(client, '_txStatus') !== 'T' || !text.includes(commitMarker)) return send(...args);
      return sendBracketed(config, values, { begins: false, commits: true });
    }
    state.beginHeld = false;
    // Nothing ran between BEGIN and its end: there is no transaction to end.
    if (text === 'commit' || text === 'rollback') return answered(text.toUpperCase());
    if (text !== null && isPreparedAlready(client, config)) return sendBracketed(config, values, { begins: true, commits: text.includes(commitMarker) });
    // The statement's first run on this connection, or a call of another style: BEGIN on its own
    // first, as drizzle would have sent it. pg sends them in order; when BEGIN fails, so does the
    // statement behind it (a lost connection, or a transaction already failed).
    void (send({ text: 'begin' }) as Promise<unknown>).catch(() => undefined);
    return send(...args);
  });

  function sendBracketed(config: unknown, values: unknown, brackets: Brackets): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const callback: Callback = (err, result) => (err ? reject(err) : resolve(result));
      send(new BracketedQuery(config as object, values, callback, brackets));
    }).then((result) => {
      state.committed = brackets.commits;
      return result;
    });
  }
}

/** The text of a promise-style call (`query(config)` or `query(config, values)`); null for any other. */
function promisedQueryText(args: unknown[]): string | null {
  const [config, values] = args;
  if (args.length > 2 || typeof values === 'function' || typeof config !== 'object' || config === null) return null;
  if (typeof Reflect.get(config, 'submit') === 'function' || Reflect.get(config, 'rows') !== undefined) return null;
  const text: unknown = Reflect.get(config, 'text');
  return typeof text === 'string' ? text : null;
}

/**
 * BEGIN goes in front only of a statement already prepared on this connection: pg files every
 * ParseComplete under the statement being sent, and the BEGIN's would otherwise mark a statement
 * as prepared before Postgres has accepted it.
 */
function isPreparedAlready(client: pg.ClientBase, config: unknown): boolean {
  const name: unknown = typeof config === 'object' && config !== null ? Reflect.get(config, 'name') : undefined;
  const wire: unknown = Reflect.get(client, 'connection');
  if (typeof name !== 'string' || typeof wire !== 'object' || wire === null) return false;
  const parsed: unknown = Reflect.get(wire, 'parsedStatements');
  return typeof parsed === 'object' && parsed !== null && typeof Reflect.get(parsed, name) === 'string';
}

function answered(command: string): Promise<pg.QueryResult> {
  return Promise.resolve({ command, rowCount: null, oid: 0, fields: [], rows: [] });
}
