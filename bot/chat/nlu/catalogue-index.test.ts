import { describe, expect, it } from 'vitest';
import { indexCatalogue, matchesAt } from './catalogue-index.ts';
import { compilePattern } from './compile-patterns.ts';
import type { CompiledPattern } from './compile-patterns.ts';
import { loadTrainingMessages } from './corpus.ts';
import { intentIds, intentPatterns, subIntentIds } from './intent-catalogue.ts';
import { tokenize } from './tokenize.ts';
import type { Token } from './tokenize.ts';

const compiled = [...intentIds, ...subIntentIds].flatMap((label) => (label === 'unknown' ? [] : intentPatterns[label].map((p) => ({ label, pattern: compilePattern(p) }))));
const index = indexCatalogue(compiled);

/**
 * The matching rule written plainly over strings (the matcher the index replaced), as the
 * reference: each slot within two words of the previous one, never on a negated word, and the
 * same marks when both the pattern and the message have some.
 */
function matchFrom(pattern: CompiledPattern, tokens: readonly Token[], negated: readonly boolean[], start: number): boolean {
  let pos = start;
  for (let s = 0; s < pattern.slots.length; s++) {
    const last = s === 0 ? start : Math.min(tokens.length - 1, pos + 2);
    let next = -1;
    for (let p = s === 0 ? start : pos; p <= last && next < 0; p++) {
      const fits = (pattern.slots[s] ?? []).find((words) =>
        words.every((w, k) => {
          const t = tokens[p + k];
          return t !== undefined && !negated[p + k] && t.fold === w.fold && (w.key === null || t.key === null || t.key === w.key);
        }),
      );
      if (fits) next = p + fits.length;
    }
    if (next < 0) return false;
    pos = next;
  }
  return true;
}

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
