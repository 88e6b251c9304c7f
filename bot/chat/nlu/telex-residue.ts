import { isVietnameseSyllable } from './vietnamese-syllable.ts';

/**
 * Repairs a token typed with the Telex method but without the keyboard converting it, e.g.
 * "cafi" → "cai" (cài), "thees" → "the" (thế), "naof" → "nao", "ddinhj" → "dinh", "muwsc" → "muc".
 * Tone keys (s f r x j) are dropped when they follow a vowel and the result is a real syllable;
 * doubled vowel keys (aa ee oo dd) and w (ư, ơ, ă) collapse. A token that is already a valid
 * syllable is left alone, so "sao", "ra", "xa" survive.
 */
export function repairTelex(token: string): string {
  if (token.length < 3 || isVietnameseSyllable(token) || !/[aeiouy]/.test(token)) return token;
  const candidate = token
    .replace(/dd/g, 'd')
    .replace(/([aeo])\1/g, '$1')
    .replace(/([aeiouy])w/g, '$1')
    .replace(/^w/, 'u')
    .replace(/(?<=[aeiouy][a-z]*)[sfrxj]/g, '');
  return candidate !== token && isVietnameseSyllable(candidate) ? candidate : token;
}
