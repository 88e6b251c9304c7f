import type { Token } from './tokenize.ts';

/**
 * The evidence the learned model sees in a message, as 32-bit hashes: folded words, word pairs,
 * character 3- and 4-grams across the folded text (so that typos and run-together words still share
 * most of their evidence), and the diacritics of every word typed with them (its accent key), so the
 * model can learn what "đúng" and "dừng" say apart. Hashing keeps the model small.
 * (Folding alone once read "đúng rồi" as a stop; the classifier now also refuses to stop without a
 * stop phrase — see intent-classifier.ts.)
 */
export function extractFeatures(tokens: readonly Token[]): number[] {
  const out = new Set<number>();
  let previous: string | null = null;
  let text = ' ';
  for (const token of tokens) {
    if (token.fold === ',') {
      previous = null;
      text += '| ';
      continue;
    }
    out.add(hash(1, token.fold));
    if (token.key !== null) out.add(hash(2, token.key));
    if (previous !== null) out.add(hash(3, previous, token.fold));
    previous = token.fold;
    text += `${token.fold} `;
  }
  for (let n = 3; n <= 4; n++) {
    for (let i = 0; i + n <= text.length; i++) out.add(hashSlice(4 + n, text, i, i + n));
  }
  return [...out];
}

const fnvOffset = 0x811c9dc5;
const fnvPrime = 0x01000193;

function hash(kind: number, a: string, b?: string): number {
  let h = Math.imul(fnvOffset ^ kind, fnvPrime);
  h = mix(h, a, 0, a.length);
  if (b !== undefined) h = mix(Math.imul(h ^ 32, fnvPrime), b, 0, b.length);
  return h >>> 0;
}

function hashSlice(kind: number, text: string, start: number, end: number): number {
  return mix(Math.imul(fnvOffset ^ kind, fnvPrime), text, start, end) >>> 0;
}

function mix(h: number, text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), fnvPrime);
  return h;
}
