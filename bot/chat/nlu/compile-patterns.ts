import { accentKey, hasDiacritics } from './accent-key.ts';
import { joinCompounds } from './compounds.ts';
import { foldDiacritics } from './fold-diacritics.ts';
import type { Pattern } from './intent-catalogue.ts';
import type { Token } from './tokenize.ts';

/** One slot of a compiled pattern: the word sequences that may fill it. */
export type Slot = readonly (readonly Token[])[];
export type CompiledPattern = { slots: readonly Slot[]; weight: number; source: string };

/**
 * Parses the catalogue's pattern syntax: slots separated by spaces, `a|b` alternatives, and
 * `(x y)` for a multi-word alternative. A word written with diacritics ("dừng") only matches a
 * message word with the same marks, or one typed without any; a plain word matches either
 * (matching: catalogue-index.ts). Throws on a malformed pattern, at start-up.
 */
export function compilePattern([source, weight]: Pattern): CompiledPattern {
  const slots: Slot[] = [];
  let i = 0;
  while (i < source.length) {
    if (source[i] === ' ') {
      i++;
      continue;
    }
    const alternatives: Token[][] = [];
    for (;;) {
      if (source[i] === '(') {
        const close = source.indexOf(')', i);
        if (close < 0) throw new Error(`unclosed "(" in pattern "${source}"`);
        alternatives.push(patternWords(source.slice(i + 1, close).trim().split(/\s+/)));
        i = close + 1;
      } else {
        const match = /^[\p{L}0-9]+/u.exec(source.slice(i));
        if (!match) throw new Error(`bad pattern "${source}" at ${i}`);
        alternatives.push(patternWords([match[0]]));
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

function patternWords(words: string[]): Token[] {
  const tokens = words.map((w) => ({ fold: foldDiacritics(w), key: hasDiacritics(w) ? accentKey(w) : null }));
  return joinCompounds(tokens, (fold) => ({ fold, key: null }));
}

/** Every folded word a compiled pattern can use, for building the vocabulary. */
export function patternVocabulary(pattern: CompiledPattern): string[] {
  return pattern.slots.flatMap((slot) => slot.flat().map((t) => t.fold));
}
