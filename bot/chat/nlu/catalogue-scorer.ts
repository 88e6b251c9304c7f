import { indexCatalogue, matchesAt } from './catalogue-index.ts';
import type { ClauseView } from './catalogue-index.ts';
import { compilePattern, patternVocabulary } from './compile-patterns.ts';
import type { CompiledPattern } from './compile-patterns.ts';
import { createFuzzyVocabulary } from './fuzzy-vocabulary.ts';
import { familyOf, intentIds, intentPatterns, subIntentIds } from './intent-catalogue.ts';
import type { IntentId, LabelId } from './intent-catalogue.ts';
import type { Token } from './tokenize.ts';

export type ScoredLabel = Exclude<LabelId, 'unknown'>;

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
  const compiled: { label: ScoredLabel; pattern: CompiledPattern }[] = [];
  for (const label of [...intentIds, ...subIntentIds]) {
    if (label === 'unknown') continue;
    for (const p of catalogue[label]) compiled.push({ label, pattern: compilePattern(p) });
  }
  const vocabulary = createFuzzyVocabulary(compiled.flatMap((e) => patternVocabulary(e.pattern)));
  const index = indexCatalogue(compiled);
  const { entries, startingWith } = index;
  // Per-message scratch, reused (scoring is synchronous): which vocabulary words the message has,
  // and which entries already matched in the current clause (marked with the clause's stamp).
  const present = new Uint8Array(index.vocabularySize);
  const matchedIn = new Int32Array(entries.length);
  let stamp = 0;
  let view: ClauseView & { desire: Uint8Array } = { tokens: [], ids: new Int32Array(64), negated: new Uint8Array(64), desire: new Uint8Array(64), end: 0 };

  function scoreClause(start: number, scores: Map<ScoredLabel, number>, trace: string[] | undefined): void {
    const { tokens, ids, negated, desire, end } = view;
    markNegated(tokens, start, end, negated);
    markDesire(tokens, start, end, desire);
    const factor = isDoneClause(tokens, start, end) ? 0.5 : 1;
    if (++stamp === 0x7fffffff) {
      matchedIn.fill(0);
      stamp = 1;
    }
    for (let i = start; i < end; i++) {
      for (const at of startingWith[ids[i] ?? -1] ?? []) {
        if (matchedIn[at] === stamp) continue;
        const entry = entries[at];
        // Most candidates fail for want of a word the message does not have at all: cheap to see.
        if (!entry || !hasNeededWords(entry.needs, present)) continue;
        if (matchesAt(entry, view, i)) {
          matchedIn[at] = stamp;
          const weight = entry.pattern.weight * factor * (desire[i] === 1 ? desireBoost : 1);
          trace?.push(`${entry.label} +${weight} ${entry.pattern.source}`);
          scores.set(entry.label, (scores.get(entry.label) ?? 0) + weight);
        }
      }
    }
  }

  return {
    correct: (tokens) => tokens.map((t) => (t.fold === ',' ? t : withFold(t, vocabulary.correct(t.fold)))),
    score(tokens, trace) {
      const scores = new Map<ScoredLabel, number>();
      const n = tokens.length;
      if (view.ids.length < n) view = { tokens, ids: new Int32Array(n * 2), negated: new Uint8Array(n * 2), desire: new Uint8Array(n * 2), end: 0 };
      view.tokens = tokens;
      const { ids } = view;
      for (let i = 0; i < n; i++) {
        const id = index.wordId(tokens[i]?.fold ?? '');
        ids[i] = id;
        if (id >= 0) present[id] = 1;
      }
      try {
        // Clauses are runs of tokens between breaks: "," is dropped, "nhưng" and "giờ" open the next.
        let start = 0;
        for (let i = 0; i <= n; i++) {
          const fold = i < n ? (tokens[i]?.fold ?? '') : ',';
          if (!clauseBreaks.has(fold)) continue;
          view.end = i;
          if (i > start) scoreClause(start, scores, trace);
          start = fold === ',' ? i + 1 : i;
        }
      } finally {
        for (let i = 0; i < n; i++) if ((ids[i] ?? -1) >= 0) present[ids[i] ?? 0] = 0;
        view.tokens = [];
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

/** Whether, for every later slot of a pattern, one of its first words is somewhere in the message. */
function hasNeededWords(needs: readonly Int32Array[], present: Uint8Array): boolean {
  for (const words of needs) {
    let found = false;
    for (let k = 0; k < words.length; k++) {
      if (present[words[k] ?? 0] === 1) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/** 1 on every word of the clause that follows "không phải" (and the like) until "mà", "chỉ"…. */
function markNegated(tokens: readonly Token[], start: number, end: number, mask: Uint8Array): void {
  mask.fill(0, start, end);
  let any = false;
  for (let i = start; i < end && !any; i++) any = tokens[i]?.fold === 'khong';
  if (!any) return;
  for (let i = start; i < end; i++) {
    const marker = negationStarts.find((m) => i + m.length <= end && m.every((w, k) => tokens[i + k]?.fold === w));
    if (!marker) continue;
    for (let j = i + marker.length; j < end && !negationEnds.has(tokens[j]?.fold ?? ''); j++) mask[j] = 1;
  }
}

/** 1 on the words right after one that says what the resident wants ("muốn", "cách"…). */
function markDesire(tokens: readonly Token[], start: number, end: number, mask: Uint8Array): void {
  mask.fill(0, start, end);
  for (let i = start; i < end; i++) {
    if (!desireWords.has(tokens[i]?.fold ?? '')) continue;
    for (let j = i + 1; j <= i + desireReach && j < end; j++) mask[j] = 1;
  }
}

function absorbContext(scores: Map<ScoredLabel, number>): void {
  if (scores.size === 0) return;
  for (const { absorber, when, atLeast, absorbs } of absorptions) {
    if ((when ? (scores.get(when) ?? 0) : familyTotal(scores, absorber)) < atLeast) continue;
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

function familyTotal(scores: Map<ScoredLabel, number>, intent: IntentId): number {
  let sum = 0;
  for (const [label, score] of scores) if (familyOf(label) === intent) sum += score;
  return sum;
}

function isDoneClause(tokens: readonly Token[], start: number, end: number): boolean {
  let done = false;
  for (let i = start; i < end; i++) {
    const fold = tokens[i]?.fold ?? '';
    if (troubleWords.has(fold)) return false;
    done ||= doneWords.has(fold);
  }
  return done;
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
