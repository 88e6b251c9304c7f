import { isVietnameseSyllable } from './vietnamese-syllable.ts';

/**
 * Corrects a typo to a known word within one edit (deletion, insertion, substitution or swap of
 * neighbours), for words of five letters or more. A token that is itself a valid Vietnamese
 * syllable is never "corrected": folded syllables are too close to each other ("huong", "chung").
 * Built once from the catalogue's words; lookups are a few map reads (SymSpell's idea).
 */
export type FuzzyVocabulary = { correct: (token: string) => string };

const minLength = 5;

export function createFuzzyVocabulary(words: Iterable<string>): FuzzyVocabulary {
  const known = new Set(words);
  const byDeletion = new Map<string, string | null>();
  const add = (key: string, word: string) => {
    const seen = byDeletion.get(key);
    // A key shared by two different words is ambiguous and is not used.
    byDeletion.set(key, seen === undefined || seen === word ? word : null);
  };
  for (const word of known) {
    if (word.length < minLength) continue;
    add(word, word);
    for (const d of deletions(word)) add(d, word);
  }
  const cache = new Map<string, string>();
  return {
    correct(token) {
      if (known.has(token) || token.length < minLength - 1 || isVietnameseSyllable(token)) return token;
      const cached = cache.get(token);
      if (cached !== undefined) return cached;
      const found = lookup(token);
      if (cache.size > 50_000) cache.clear();
      cache.set(token, found);
      return found;
    },
  };

  function lookup(token: string): string {
    const direct = byDeletion.get(token);
    if (direct && withinOneEdit(token, direct)) return direct;
    for (const d of deletions(token)) {
      const word = byDeletion.get(d);
      if (word && word.length >= minLength && withinOneEdit(token, word)) return word;
    }
    return token;
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Damerau–Levenshtein distance ≤ 1, checked directly. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
