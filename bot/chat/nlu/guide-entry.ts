import type { Guide } from '../../guides/guide.ts';
import { compilePattern, matchesAnywhere } from './compile-patterns.ts';
import type { CompiledPattern } from './compile-patterns.ts';
import { tokenize } from './tokenize.ts';

/** Each guide's step answers, compiled once. */
const compiled = new WeakMap<Guide, (readonly CompiledPattern[])[]>();

/**
 * The step of a guide that answers this question ("mất điện thoại" → the lock step of account
 * recovery; "máy không có NFC" → the QR fallback), or null when the question is the guide as a whole.
 * The step whose matching answers say the most (slots matched) wins; the earliest of equals.
 */
export function findEntryStep(guide: Guide, text: string): number | null {
  let patterns = compiled.get(guide);
  if (!patterns) {
    patterns = guide.steps.map((step) => (step.answers ?? []).map((p) => compilePattern([p, 1])));
    compiled.set(guide, patterns);
  }
  const tokens = tokenize(text);
  let best: number | null = null;
  let bestHits = 0;
  patterns.forEach((stepPatterns, step) => {
    const hits = stepPatterns.reduce((sum, p) => sum + (matchesAnywhere(p, tokens) ? p.slots.length : 0), 0);
    if (hits > bestHits) {
      best = step;
      bestHits = hits;
    }
  });
  return best === 0 ? null : best;
}
