import { describe, expect, it } from 'vitest';
import { indexCatalogue, matchesAt } from './catalogue-index.ts';
import { compilePattern, matchFrom } from './compile-patterns.ts';
import { loadTrainingMessages } from './corpus.ts';
import { intentIds, intentPatterns, subIntentIds } from './intent-catalogue.ts';
import { tokenize } from './tokenize.ts';
import type { Token } from './tokenize.ts';

const compiled = [...intentIds, ...subIntentIds].flatMap((label) => (label === 'unknown' ? [] : intentPatterns[label].map((p) => ({ label, pattern: compilePattern(p) }))));
const index = indexCatalogue(compiled);

/** Every pattern at every start of the message, by both matchers, with a negated stretch in the middle. */
function disagreements(tokens: Token[]): string[] {
  const negated = tokens.map((_, i) => i >= 2 && i < 4);
  const view = {
    tokens,
    ids: Int32Array.from(tokens, (t) => index.wordId(t.fold)),
    negated: Uint8Array.from(negated, (n) => (n ? 1 : 0)),
    end: tokens.length,
  };
  const out: string[] = [];
  index.entries.forEach((entry) => {
    for (let i = 0; i < tokens.length; i++) {
      if (matchFrom(entry.pattern, tokens, negated, i) !== matchesAt(entry, view, i)) out.push(`${entry.pattern.source} @${i}`);
    }
  });
  return out;
}

describe('indexCatalogue', () => {
  it('numbers every pattern word, and only those', () => {
    expect(index.wordId('vneid')).toBeGreaterThanOrEqual(0);
    expect(index.wordId('khongcotrongmau')).toBe(-1);
    expect(index.entries).toHaveLength(compiled.length);
  });

  it('matches exactly where the string matcher does, marks and negation included', () => {
    const messages = loadTrainingMessages().filter((_, i) => i % 7 === 0).map((m) => m.text);
    // Marks that agree, marks that differ ("dùng" is not "dừng") and words without any.
    messages.push('dừng gửi tin nữa', 'dùng gửi tin nữa', 'dung gui tin nua', 'không phải vneid mà là vssid');
    const bad = messages.flatMap((text) => disagreements(tokenize(text)));
    expect(bad).toEqual([]);
  });
});
