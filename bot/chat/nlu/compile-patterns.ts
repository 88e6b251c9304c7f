import { joinCompounds } from './compounds.ts';
import type { Pattern } from './intent-catalogue.ts';

/** One slot of a compiled pattern: the word sequences that may fill it. */
export type Slot = readonly (readonly string[])[];
export type CompiledPattern = { slots: readonly Slot[]; weight: number; source: string };

/**
 * Parses the catalogue's pattern syntax: slots separated by spaces, `a|b` alternatives, and
 * `(x y)` for a multi-word alternative. Throws on a malformed pattern, at start-up.
 */
export function compilePattern([source, weight]: Pattern): CompiledPattern {
  const slots: Slot[] = [];
  let i = 0;
  while (i < source.length) {
    if (source[i] === ' ') {
      i++;
      continue;
    }
    const alternatives: string[][] = [];
    for (;;) {
      if (source[i] === '(') {
        const close = source.indexOf(')', i);
        if (close < 0) throw new Error(`unclosed "(" in pattern "${source}"`);
        alternatives.push(joinCompounds(source.slice(i + 1, close).trim().split(/\s+/)));
        i = close + 1;
      } else {
        const match = /^[a-z0-9]+/.exec(source.slice(i));
        if (!match) throw new Error(`bad pattern "${source}" at ${i}`);
        alternatives.push(joinCompounds([match[0]]));
        i += match[0].length;
      }
      if (source[i] !== '|') break;
      i++;
    }
    slots.push(alternatives);
  }
  if (slots.length === 0) throw new Error('empty pattern');
  return { slots, weight, source };
}

/** Every word a compiled pattern can use, for building the vocabulary. */
export function patternWords(pattern: CompiledPattern): string[] {
  return pattern.slots.flatMap((slot) => slot.flat());
}
