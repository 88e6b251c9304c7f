import { compilePattern, matchFrom, patternVocabulary } from './compile-patterns.ts';
import type { CompiledPattern } from './compile-patterns.ts';
import { createFuzzyVocabulary } from './fuzzy-vocabulary.ts';
import { familyOf, intentIds, intentPatterns, subIntentIds } from './intent-catalogue.ts';
import type { IntentId, LabelId } from './intent-catalogue.ts';
import type { Token } from './tokenize.ts';

export type ScoredLabel = Exclude<LabelId, 'unknown'>;
/** `needs`: for each slot after the first, the words one of which must be in the message at all. */
type Entry = { label: ScoredLabel; pattern: CompiledPattern; needs: readonly (readonly string[])[] };

/** Words that start a new clause: evidence before them is about something else. */
const clauseBreaks = new Set([',', 'nhung', 'gio']);
/** "không phải X mà Y": X is what the resident does not mean. */
const negationStarts = [['khong', 'phai'], ['khong', 'hoi'], ['khong', 'lien', 'quan']];
const negationEnds = new Set(['ma', 'chi', 'la', 'hoi', 'can', 'muon']);
/** A clause saying something is already done ("cài vneid rồi") counts for less. */
const doneWords = new Set(['roi', 'xong']);
const troubleWords = new Set(['khong', 'chua', 'loi', 'bi', 'quen', 'sao', 'mat']);
/** Words after which the resident names what they want: evidence right after them counts more. */
const desireWords = new Set(['muon', 'cach', 'hoi', 'giup', 'huong', 'can']);
const desireReach = 3;
const desireBoost = 1.3;
/**
 * When the first family has this much evidence, the listed intents are only its context: a scam
 * message mentions a bank, a pension question mentions an account, a home-visit request names a task.
 */
const absorptions: { absorber: Exclude<IntentId, 'unknown'>; when?: ScoredLabel; atLeast: number; absorbs: 'topics' | IntentId[] }[] = [
  // A complaint about a visit that never came is a complaint, not a new visit request.
  { absorber: 'human', when: 'complaint', atLeast: 3, absorbs: 'topics' },
  { absorber: 'scam-safety', atLeast: 4, absorbs: 'topics' },
  { absorber: 'home-visit', atLeast: 3.5, absorbs: 'topics' },
  { absorber: 'human', atLeast: 3, absorbs: 'topics' },
  { absorber: 'social-benefit-payment', atLeast: 2.5, absorbs: ['cashless-payment', 'dvc-submit'] },
  { absorber: 'e-health-book', atLeast: 3, absorbs: ['vssid'] },
];
/** Brand words that decide whose password or login a recovery question is about. */
const recoveryOwners: { intent: ScoredLabel; words: string[] }[] = [
  { intent: 'dvc-account', words: ['dich', 'vu', 'cong'] },
  { intent: 'vssid', words: ['vssid'] },
  { intent: 'cashless-payment', words: ['ngan', 'hang'] },
];

export type CatalogueScorer = {
  /** Corrects typos to catalogue words (never a valid syllable). */
  correct: (tokens: Token[]) => Token[];
  /** Evidence per label, after context rules; `trace` collects the patterns that fired. */
  score: (tokens: Token[], trace?: string[]) => Map<ScoredLabel, number>;
};

/**
 * Scores every label by the catalogue patterns found in the tokens, clause by clause, ignoring
 * negated topics and discounting ones the resident says are already done.
 */
export function createCatalogueScorer(catalogue = intentPatterns): CatalogueScorer {
  const entries: Entry[] = [];
  for (const label of [...intentIds, ...subIntentIds]) {
    if (label === 'unknown') continue;
    for (const p of catalogue[label]) {
      const pattern = compilePattern(p);
      entries.push({ label, pattern, needs: pattern.slots.slice(1).map((slot) => slot.map((alternative) => alternative[0]?.fold ?? '')) });
    }
  }
  const vocabulary = createFuzzyVocabulary(entries.flatMap((e) => patternVocabulary(e.pattern)));
  const byFirstWord = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    for (const alternative of entry.pattern.slots[0] ?? []) {
      const first = alternative[0]?.fold;
      if (first === undefined) continue;
      const list = byFirstWord.get(first) ?? [];
      if (!list.includes(index)) list.push(index);
      byFirstWord.set(first, list);
    }
  });

  return {
    correct: (tokens) => tokens.map((t) => (t.fold === ',' ? t : withFold(t, vocabulary.correct(t.fold)))),
    score(tokens, trace) {
      const scores = new Map<ScoredLabel, number>();
      const present = new Set(tokens.map((t) => t.fold));
      for (const clause of splitClauses(tokens)) {
        const negated = negationMask(clause);
        const factor = isDoneClause(clause) ? 0.5 : 1;
        const desire = desireMask(clause);
        const matched = new Set<number>();
        for (let i = 0; i < clause.length; i++) {
          for (const index of byFirstWord.get(clause[i]?.fold ?? '') ?? []) {
            if (matched.has(index)) continue;
            const entry = entries[index];
            // Most candidates fail for want of a word the message does not have at all: cheap to see.
            if (!entry || !hasNeededWords(entry.needs, present)) continue;
            if (matchFrom(entry.pattern, clause, negated, i)) {
              matched.add(index);
              const weight = entry.pattern.weight * factor * (desire[i] ? desireBoost : 1);
              trace?.push(`${entry.label} +${weight} ${entry.pattern.source}`);
              scores.set(entry.label, (scores.get(entry.label) ?? 0) + weight);
            }
          }
        }
      }
      routeRecovery(scores, tokens);
      absorbContext(scores);
      return scores;
    },
  };
}

function withFold(token: Token, fold: string): Token {
  return fold === token.fold ? token : { fold, key: null };
}

function splitClauses(tokens: Token[]): Token[][] {
  const clauses: Token[][] = [[]];
  for (const t of tokens) {
    if (clauseBreaks.has(t.fold)) clauses.push([]);
    if (t.fold !== ',') clauses.at(-1)?.push(t);
  }
  return clauses.filter((c) => c.length > 0);
}

/** Whether, for every later slot of a pattern, one of its first words is somewhere in the message. */
function hasNeededWords(needs: readonly (readonly string[])[], present: Set<string>): boolean {
  for (const words of needs) {
    let found = false;
    for (const w of words) {
      if (present.has(w)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

function negationMask(clause: Token[]): boolean[] {
  const mask = clause.map(() => false);
  if (!clause.some((t) => t.fold === 'khong')) return mask;
  for (let i = 0; i < clause.length; i++) {
    const marker = negationStarts.find((m) => m.every((w, k) => clause[i + k]?.fold === w));
    if (!marker) continue;
    for (let j = i + marker.length; j < clause.length && !negationEnds.has(clause[j]?.fold ?? ''); j++) mask[j] = true;
  }
  return mask;
}

function desireMask(clause: Token[]): boolean[] {
  const mask = clause.map(() => false);
  clause.forEach((t, i) => {
    if (!desireWords.has(t.fold)) return;
    for (let j = i + 1; j <= i + desireReach && j < clause.length; j++) mask[j] = true;
  });
  return mask;
}

function absorbContext(scores: Map<ScoredLabel, number>): void {
  const family = (intent: IntentId) => [...scores].reduce((sum, [label, s]) => sum + (familyOf(label) === intent ? s : 0), 0);
  for (const { absorber, when, atLeast, absorbs } of absorptions) {
    if ((when ? (scores.get(when) ?? 0) : family(absorber)) < atLeast) continue;
    let extra = 0;
    for (const [label, score] of scores) {
      const intent = familyOf(label);
      if (intent !== absorber && (absorbs === 'topics' ? isTopic(intent) : absorbs.includes(intent))) {
        extra += score;
      }
    }
    const target = when ?? absorber;
    scores.set(target, (scores.get(target) ?? 0) + extra);
    return;
  }
}

function isDoneClause(clause: Token[]): boolean {
  return clause.some((t) => doneWords.has(t.fold)) && !clause.some((t) => troubleWords.has(t.fold));
}

function routeRecovery(scores: Map<ScoredLabel, number>, tokens: Token[]): void {
  const recovery = scores.get('vneid-account-recovery');
  if (!recovery || tokens.some((t) => t.fold === 'vneid')) return;
  const owner = recoveryOwners.find((o) => tokens.some((_, i) => o.words.every((w, k) => tokens[i + k]?.fold === w)));
  if (!owner) return;
  scores.delete('vneid-account-recovery');
  scores.set(owner.intent, (scores.get(owner.intent) ?? 0) + recovery);
}

/** The service topics: everything but greeting, unsubscribe and unknown. */
export function isTopic(intent: IntentId): boolean {
  return intent !== 'greeting' && intent !== 'unsubscribe' && intent !== 'unknown';
}
