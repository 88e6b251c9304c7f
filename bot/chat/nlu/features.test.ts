import { describe, expect, it } from 'vitest';
import { extractFeatures } from './features.ts';
import { tokenize } from './tokenize.ts';

/** FNV-1a over the three characters at `i` of the joined text: what the 3-gram features must hash. */
function trigramsOfJoinedText(text: string): number[] {
  const out: number[] = [];
  const seed = Math.imul(0x811c9dc5 ^ 7, 0x01000193);
  for (let i = 0; i + 3 <= text.length; i++) {
    let h = seed;
    for (let k = i; k < i + 3; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
    out.push(h & 0x3fffffff);
  }
  return out;
}

describe('extractFeatures', () => {
  it.each(['cài vneid như thế nào', 'hỏi vssid, nhưng mà quên mk rồi', 'a', ''])('ends with the 3-grams of the joined folded text: %s', (message) => {
    const tokens = tokenize(message);
    const joined = tokens.length === 0 ? ' ' : ` ${tokens.map((t) => (t.fold === ',' ? '|' : t.fold)).join(' ')} `;
    const grams = trigramsOfJoinedText(joined);
    const features = extractFeatures(tokens);
    expect(features.slice(features.length - grams.length)).toEqual(grams);
    // Before them: a hash per word, per accent key and per word pair.
    expect(features.length - grams.length).toBeGreaterThanOrEqual(tokens.filter((t) => t.fold !== ',').length);
  });
});
