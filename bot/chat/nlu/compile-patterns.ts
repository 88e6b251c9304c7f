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
 * message word with the same marks, or one typed without any; a plain word matches either.
 * Throws on a malformed pattern, at start-up.
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

/** Whether a message word fills a pattern word: same letters, and the same marks when both have them. */
export function wordMatches(message: Token, pattern: Token): boolean {
  return message.fold === pattern.fold && (pattern.key === null || message.key === null || message.key === pattern.key);
}

/** Every folded word a compiled pattern can use, for building the vocabulary. */
export function patternVocabulary(pattern: CompiledPattern): string[] {
  return pattern.slots.flatMap((slot) => slot.flat().map((t) => t.fold));
}

/**
 * Whether the pattern matches the tokens starting at `start`: each slot within two words of the
 * previous one, never on a negated word ("không phải VNeID mà…").
 */
export function matchFrom(pattern: CompiledPattern, tokens: readonly Token[], negated: readonly boolean[], start: number): boolean {
  let pos = start;
  for (let s = 0; s < pattern.slots.length; s++) {
    const slot = pattern.slots[s] ?? [];
    const last = s === 0 ? start : Math.min(tokens.length - 1, pos + 2);
    let next = -1;
    for (let p = s === 0 ? start : pos; p <= last && next < 0; p++) {
      for (const alternative of slot) {
        if (wordsAt(tokens, negated, p, alternative)) {
          next = p + alternative.length;
          break;
        }
      }
    }
    if (next < 0) return false;
    pos = next;
  }
  return true;
}

/** Whether the pattern matches anywhere in the tokens. */
export function matchesAnywhere(pattern: CompiledPattern, tokens: readonly Token[]): boolean {
  const negated = tokens.map(() => false);
  return tokens.some((_, i) => matchFrom(pattern, tokens, negated, i));
}

function wordsAt(tokens: readonly Token[], negated: readonly boolean[], at: number, words: readonly Token[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const token = tokens[at + k];
    const word = words[k];
    if (!token || !word || negated[at + k] || !wordMatches(token, word)) return false;
  }
  return true;
}
