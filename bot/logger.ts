import { pino } from 'pino';
import type { LogFn } from 'pino';
import { passwordKeyword, redactSensitiveText } from './chat/redact-sensitive-text.ts';
import { stdoutLogDestination } from './log-destination.ts';
import { databaseErrorCode } from '../db/error-code.ts';

/**
 * The logging surface our code uses. Both a pino logger and Fastify's per-request logger fit it,
 * so a request's child logger can be handed to the code it calls.
 */
export type Logger = {
  level: string;
  fatal: LogFn;
  error: LogFn;
  warn: LogFn;
  info: LogFn;
  debug: LogFn;
  trace: LogFn;
  child: (bindings: Record<string, unknown>) => Logger;
};

/** Keys whose values never reach a log line, at any depth. */
const secretKey = /token|secret|password|passwd|cookie|signature|authorization|phone|imei|otp/i;
/**
 * Keys that name an identifier (`oaId`, `senderId`, `app_id`, `id`…), and what such a value looks
 * like: one token, no spaces. Zalo's ids are 16-19 digits, the shape of a bank card number, so
 * scrubbed as text every OA, app and resident id in a field read "[số thẻ đã ẩn]" (while the same
 * id bound to a child logger showed), and a warning about an OA this deployment does not serve
 * could not say which OA. Identifiers are what an operator traces by; free text never goes under
 * these keys, and anything else in them is scrubbed as usual.
 */
const identifierKey = /(?:^id|Id|_id)$/;
const identifierValue = /^[\w-]{1,64}$/;
/** Vietnamese mobile numbers (0xx… or 84xx…), masked even inside free text. */
const phoneNumber = /(?<!\d)(?:\+?84|0)(?:[35789]\d)\d{7}(?!\d)/g;
/**
 * What a text must hold for scrubText to change it; most log strings (messages, ids, statuses)
 * hold neither, and skip the five regex passes (about 1-6 µs a string, the most of a line's cost).
 * With codes off, redactSensitiveText only touches numbers of 9 or more digits (in groups joined
 * by one space, dot or dash: ID, card, account and health-card numbers; phone numbers have 10)
 * and the words after its password keywords (its own pre-check, `passwordKeyword`). A log string
 * with ids in it holds digits, so the narrower number test here still saves the passes.
 * logger.test.ts checks the two paths agree.
 */
const longNumber = /\d(?:[ .-]?\d){8}/;

const quieterThanWarn = ['error', 'fatal', 'silent'] as const;

/** `warn`, unless the configured level already hides warnings: for loggers that should say little. */
export function warnOrQuieter(level: string): pino.LevelWithSilent {
  return quieterThanWarn.find((quiet) => quiet === level) ?? 'warn';
}

/** A process's root logger (pino): what the composition root creates and hands to Fastify. */
export type RootLogger = pino.Logger;

/**
 * The process logger: JSON lines, objects first. Secrets and phone numbers are scrubbed by key name
 * and by pattern, because a log line is the easiest place to leak an OA token.
 */
export function createLogger(options: { level: string; name: string; sync?: boolean }, destination?: pino.DestinationStream): RootLogger {
  const settings: pino.LoggerOptions = {
    name: options.name,
    level: options.level,
    formatters: { log: (obj) => scrubRecord(obj, 0) },
    serializers: { err: serializeError },
    hooks: {
      // The message text is scrubbed like every other string of the line.
      logMethod(args, method) {
        args.forEach((a, i) => {
          if (typeof a === 'string') args[i] = scrubText(a);
        });
        method.apply(this, args);
      },
    },
  };
  return pino(settings, destination ?? stdoutLogDestination({ sync: options.sync ?? false }));
}

/**
 * An error as a log line may show it: a failed query's message holds the SQL and its parameters
 * (a resident's message, a token), so only the first line is kept and `query`/`params` are dropped;
 * the rest is scrubbed like any text. Exported for tests.
 */
export function serializeError(err: unknown): unknown {
  // Not every `err` is an Error: a message passed as text was spread into one key per character.
  if (typeof err === 'string') return scrubText(withoutQuery(err));
  if (!isErrorLike(err)) return scrub(err, 0);
  const { query: _query, params: _params, ...plain } = pino.stdSerializers.err(err);
  const out = scrubRecord(plain, 0);
  if (typeof out.message === 'string') out.message = withoutQuery(out.message);
  if (typeof out.stack === 'string') out.stack = withoutQuery(out.stack);
  return out;
}

function isErrorLike(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'message') === 'string';
}

/** Longest error description kept in a table (the start of a message says what went wrong). */
const maxDescription = 1000;

/**
 * An error as one line of text safe to store (an event's or a send's `last_error`) or to log. A
 * failed query's text is "Failed query: <SQL> params: <values>", and the values are what was being
 * written: a resident's message, a sealed secret. They are hidden, the database's own reason (code
 * and message, from the error's cause) is kept, and the rest is scrubbed like any log text.
 */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return scrubText(withoutQuery(String(err))).slice(0, maxDescription);
  // The cause adds the database's reason to a failed query; where the message already says it, nothing.
  const cause = err.cause instanceof Error && !err.message.includes(err.cause.message) ? err.cause : null;
  const code = cause ? databaseErrorCode(cause) : null;
  const reason = cause ? ` (${code ? `${code} ` : ''}${withoutQuery(cause.message)})` : '';
  return scrubText(`${err.name}: ${withoutQuery(err.message)}${reason}`).slice(0, maxDescription);
}

function withoutQuery(text: string): string {
  return text.replace(/(Failed query:)[\s\S]*?(\n\s+at |$)/, '$1 [query hidden]$2').replace(/\nparams:[\s\S]*?(\n\s+at |$)/, '$1');
}

/** Phone numbers masked; ID, card and account numbers and passwords redacted as before storing. */
function scrubText(text: string): string {
  if (!longNumber.test(text) && !passwordKeyword.test(text)) return text;
  return scrubTextFully(text);
}

/** scrubText without the pre-check: exported so tests can check that the pre-check skips nothing. */
export function scrubTextFully(text: string): string {
  // split() with a group keeps the OA ids at the odd places; only the text between them is scrubbed.
  return text
    .split(oaIdInText)
    .map((part, i) => (i % 2 === 1 ? part : redactSensitiveText(part.replace(phoneNumber, '[phone]'), { codes: false })))
    .join('');
}

/**
 * "OA 3662729599332560487" in our own messages ("OA … needs re-authorisation", "OA … is not
 * served"): an OA id has a card number's shape, and redacted it left an operator unable to tell
 * which OA the line was about. Only the word "OA" right before the digits makes it one.
 */
const oaIdInText = /(\bOA \d{15,19})(?!\d)/;

/** Returns a copy with secret-looking keys replaced and phone numbers masked. Exported for tests. */
export function scrub(value: unknown, depth: number): unknown {
  if (depth > 6) return value;
  if (typeof value === 'string') return scrubText(value);
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  // Only plain objects are walked; requests, errors and the like are left to pino's serializers.
  if (isPlainObject(value)) return scrubRecord(value, depth);
  return value;
}

function scrubRecord(value: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (secretKey.test(k) && v !== null && v !== undefined) out[k] = '[redacted]';
    else out[k] = isIdentifier(k, v) ? v : scrub(v, depth + 1);
  }
  return out;
}

function isIdentifier(key: string, value: unknown): boolean {
  return typeof value === 'string' && identifierKey.test(key) && identifierValue.test(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
