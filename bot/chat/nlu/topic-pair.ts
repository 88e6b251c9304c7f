import { isGuideId } from '../../guides/guide.ts';
import type { GuideId } from '../../guides/guide.ts';
import type { CatalogueScorer } from './catalogue-scorer.ts';
import { familyOf } from './intent-catalogue.ts';
import type { Token } from './tokenize.ts';

/** Words that join two things named side by side: "VNeID và VssID", "cài vneid với cả vssid". */
const joiners = new Set(['va', 'voi', 'hay', 'hoac', 'ca', 'con', 'cung', ',']);
/** Words that ask how two things differ or which comes first. */
const comparing = new Set(['khac', 'giong', 'sanh', 'hay', 'nao', 'hon', 'truoc', 'hoac']);
const namedAtLeast = 1.2;

/**
 * Two service topics the message names side by side ("VNeID và VssID khác nhau gì"): each side of a
 * joining word is read on its own by the catalogue, and two different topics named explicitly make
 * a pair. Null when the message names one topic (or mentions a second only in passing).
 */
export function namedTopicPair(tokens: readonly Token[], catalogue: CatalogueScorer): [GuideId, GuideId] | null {
  if (!tokens.some((t) => t.fold !== ',' && joiners.has(t.fold))) return null;
  const sides: Token[][] = [[]];
  for (const t of tokens) {
    if (joiners.has(t.fold)) sides.push([]);
    else sides.at(-1)?.push(t);
  }
  const named: GuideId[] = [];
  for (const side of sides) {
    if (side.length === 0) continue;
    let best: { topic: GuideId; score: number } | null = null;
    for (const [label, score] of catalogue.score(side)) {
      const topic = familyOf(label);
      if (isGuideId(topic) && topic !== 'scam-safety' && score >= namedAtLeast && (!best || score > best.score)) best = { topic, score };
    }
    if (best && !named.includes(best.topic)) named.push(best.topic);
  }
  const [a, b] = named;
  return a && b ? [a, b] : null;
}

/** Whether the message asks to compare or to choose ("khác nhau gì", "cái nào trước"). */
export function asksToCompare(tokens: readonly Token[]): boolean {
  return tokens.some((t) => comparing.has(t.fold));
}
