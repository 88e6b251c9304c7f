import type { Guide } from '../../guides/guide.ts';
import { indexCatalogue, matchesAnywhere, wholeMessage } from './catalogue-index.ts';
import type { CatalogueIndex } from './catalogue-index.ts';
import { compilePattern } from './compile-patterns.ts';
import { tokenize } from './tokenize.ts';

/** Each guide's step answers, compiled and indexed once; an entry's label is its step. */
const indexed = new WeakMap<Guide, CatalogueIndex<number>>();

/**
 * The step of a guide that answers this question ("mất điện thoại" → the lock step of account
 * recovery; "máy không có NFC" → the QR fallback), or null when the question is the guide as a whole.
 * The step whose matching answers say the most (slots matched) wins; the earliest of equals.
 */
export function findEntryStep(guide: Guide, text: string): number | null {
  let index = indexed.get(guide);
  if (!index) {
    index = indexCatalogue(guide.steps.flatMap((step, s) => (step.answers ?? []).map((p) => ({ label: s, pattern: compilePattern([p, 1]) }))));
    indexed.set(guide, index);
  }
  const message = wholeMessage(index, tokenize(text));
  const hits = guide.steps.map(() => 0);
  for (const entry of index.entries) if (matchesAnywhere(entry, message)) hits[entry.label] = (hits[entry.label] ?? 0) + entry.pattern.slots.length;
  let best: number | null = null;
  let bestHits = 0;
  hits.forEach((h, step) => {
    if (h > bestHits) {
      best = step;
      bestHits = h;
    }
  });
  return best === 0 ? null : best;
}
