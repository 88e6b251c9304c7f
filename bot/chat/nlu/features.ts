import type { Token } from './tokenize.ts';

/**
 * The evidence the learned model sees in a message, as 32-bit hashes: folded words, word pairs,
 * character 3-grams across the folded text (so that typos and run-together words still share
 * most of their evidence), and the diacritics of every word typed with them (its accent key), so the
 * model can learn what "đúng" and "dừng" say apart. Hashing keeps the model small.
 * (Folding alone once read "đúng rồi" as a stop; the classifier now also refuses to stop without a
 * stop phrase — see intent-classifier.ts.)
 */
export function extractFeatures(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  let previous: string | null = null;
  for (const token of tokens) {
    if (token.fold === ',') {
      previous = null;
      continue;
    }
    out.push(hash(1, token.fold));
    if (token.key !== null) out.push(hash(2, token.key));
    if (previous !== null) out.push(hash(3, previous, token.fold));
    previous = token.fold;
  }
  // Character 3-grams alone do as well as 3- and 4-grams together (cross-validated), at half the cost.
  addCharTrigrams(tokens, out);
  return out;
}

/**
 * The 3-grams of the folded text " w1 w2 | w3 … " (one space after each word, "| " for a clause
 * break), hashed from a window of its last two characters: the same hashes as over the joined
 * string, without building it.
 */
function addCharTrigrams(tokens: readonly Token[], out: number[]): void {
  let first = -1;
  let second = space;
  for (const token of tokens) {
    const word = token.fold === ',' ? '|' : token.fold;
    for (let i = 0; i <= word.length; i++) {
      const code = i < word.length ? word.charCodeAt(i) : space;
      if (first >= 0) out.push(Math.imul(Math.imul(Math.imul(charSeed ^ first, fnvPrime) ^ second, fnvPrime) ^ code, fnvPrime) & smallInteger);
      first = second;
      second = code;
    }
  }
}

const space = 32;

/** 30 bits: the hashes stay small integers, which V8 keeps unboxed (Map lookups several times faster). */
const smallInteger = 0x3fffffff;
const fnvOffset = 0x811c9dc5;
const fnvPrime = 0x01000193;
const charSeed = Math.imul(fnvOffset ^ 7, fnvPrime);

function hash(kind: number, a: string, b?: string): number {
  let h = Math.imul(fnvOffset ^ kind, fnvPrime);
  h = mix(h, a, 0, a.length);
  if (b !== undefined) h = mix(Math.imul(h ^ 32, fnvPrime), b, 0, b.length);
  return h & smallInteger;
}

function mix(h: number, text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), fnvPrime);
  return h;
}
