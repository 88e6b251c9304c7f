import type { Logger } from './logger.ts';

export type CountedWarning = { count: (n: number, extra?: Record<string, unknown>) => void };

/**
 * A warning about something that may happen thousands of times a second (requests refused under
 * overload): counts the occurrences and logs at most one line per `everyMs`, with the count since
 * the last line, instead of a line each.
 */
export function createCountedWarning(logger: Logger, message: string, options: { everyMs: number; now?: () => number }): CountedWarning {
  const now = options.now ?? Date.now;
  let counted = 0;
  let lastLine = Number.NEGATIVE_INFINITY;
  return {
    count(n, extra = {}) {
      if (n === 0) return;
      counted += n;
      if (now() - lastLine < options.everyMs) return;
      logger.warn({ ...extra, refused: counted }, message);
      lastLine = now();
      counted = 0;
    },
  };
}
