import { compilePattern, patternWords } from './compile-patterns.ts';
import type { CompiledPattern } from './compile-patterns.ts';
import { createFuzzyVocabulary } from './fuzzy-vocabulary.ts';
import { intentIds, intentPatterns } from './intent-catalogue.ts';
import type { IntentId } from './intent-catalogue.ts';
import { normalizeText } from './normalize-text.ts';

export type ScoredIntent = { intent: IntentId; score: number };

export type Classification = {
  intent: IntentId;
  /** Confidence in `intent`, 0..1. */
  score: number;
  /** True when a second topic is nearly as likely: the bot asks instead of guessing. */
  ambiguous: boolean;
  /** The best topics, strongest first (at most 3), for offering a choice. */
  candidates: ScoredIntent[];
};

type Entry = { intent: Exclude<IntentId, 'unknown'>; pattern: CompiledPattern };

/** Words that start a new clause: evidence before them is about something else. */
const clauseBreaks = new Set([',', 'nhung', 'gio']);
/** "không phải X mà Y": X is what the resident does not mean. */
const negationStarts = [['khong', 'phai'], ['khong', 'hoi'], ['khong', 'lien', 'quan']];
const negationEnds = new Set(['ma', 'chi', 'la', 'hoi', 'can', 'muon']);
/** A clause saying something is already done ("cài vneid rồi") counts for less. */
const doneWords = new Set(['roi', 'xong']);
const troubleWords = new Set(['khong', 'chua', 'loi', 'bi', 'quen', 'sao', 'mat']);
/** Short messages made only of these words are a request to stop messages. */
const stopWords = new Set(['dung', 'huy', 'stop', 'ngung', 'unsubscribe']);
const politeWords = new Set(['a', 'nhe', 'nha', 'di', 'admin', 'em', 'anh', 'chi', 'lai', 'ngay', 'roi', 'thoi', 'nhan', 'tin', 'vay', 'oi', 'ok', 'u', 'vang', 'da']);
/** Words after which the resident names what they want: evidence right after them counts more. */
const desireWords = new Set(['muon', 'cach', 'hoi', 'giup', 'huong', 'can']);
const desireReach = 3;
const desireBoost = 1.3;
/**
 * When the first intent has this much evidence, the listed intents are only its context: a scam
 * message mentions a bank, a pension question mentions an account, a home-visit request names a task.
 */
const absorptions: { absorber: Entry['intent']; atLeast: number; absorbs: 'topics' | Entry['intent'][] }[] = [
  { absorber: 'scam-safety', atLeast: 4, absorbs: 'topics' },
  { absorber: 'home-visit', atLeast: 3.5, absorbs: 'topics' },
  { absorber: 'human', atLeast: 3, absorbs: 'topics' },
  { absorber: 'social-benefit-payment', atLeast: 2.5, absorbs: ['cashless-payment', 'dvc-submit'] },
  { absorber: 'e-health-book', atLeast: 3, absorbs: ['vssid'] },
];
/** Brand words that decide whose password or login a recovery question is about. */
const recoveryOwners: { intent: Exclude<IntentId, 'unknown'>; words: string[] }[] = [
  { intent: 'dvc-account', words: ['dich', 'vu', 'cong'] },
  { intent: 'vssid', words: ['vssid'] },
  { intent: 'cashless-payment', words: ['ngan', 'hang'] },
];

const unknownBelow = 1.2;
const ambiguityRatio = 0.75;

/**
 * Scores every intent by the catalogue patterns found in the normalised message, clause by clause,
 * ignoring negated topics and discounting ones the resident says are already done. Deterministic,
 * in-process, no model download: the same function serves the bot and `npm run nlu`.
 */
export function createIntentClassifier(catalogue = intentPatterns) {
  const entries: Entry[] = [];
  for (const intent of intentIds) {
    if (intent === 'unknown') continue;
    for (const p of catalogue[intent]) entries.push({ intent, pattern: compilePattern(p) });
  }
  const vocabulary = createFuzzyVocabulary(entries.flatMap((e) => patternWords(e.pattern)));
  const byFirstWord = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    for (const alternative of entry.pattern.slots[0] ?? []) {
      const first = alternative[0];
      if (first === undefined) continue;
      const list = byFirstWord.get(first) ?? [];
      if (!list.includes(index)) list.push(index);
      byFirstWord.set(first, list);
    }
  });

  function scoreTokens(tokens: string[], trace?: string[]): Map<Entry['intent'], number> {
    const scores = new Map<Entry['intent'], number>();
    for (const clause of splitClauses(tokens)) {
      const negated = negationMask(clause);
      const factor = isDoneClause(clause) ? 0.5 : 1;
      const desire = desireMask(clause);
      const matched = new Set<number>();
      for (let i = 0; i < clause.length; i++) {
        for (const index of byFirstWord.get(clause[i] ?? '') ?? []) {
          if (matched.has(index)) continue;
          const entry = entries[index];
          if (entry && matchFrom(entry.pattern, clause, negated, i)) {
            matched.add(index);
            const weight = entry.pattern.weight * factor * (desire[i] ? desireBoost : 1);
            trace?.push(`${entry.intent} +${weight} ${entry.pattern.source}`);
            scores.set(entry.intent, (scores.get(entry.intent) ?? 0) + weight);
          }
        }
      }
    }
    routeRecovery(scores, tokens);
    absorbContext(scores);
    return scores;
  }

  return {
    /** The normalised tokens and the patterns that fired: for `npm run nlu -- explain`. */
    explain(text: string): { tokens: string[]; matches: string[] } {
      const tokens = normalizeText(text).map((t) => (t === ',' ? t : vocabulary.correct(t)));
      const matches: string[] = [];
      scoreTokens(tokens, matches);
      return { tokens, matches };
    },
    /** Classifies one message. */
    classify(text: string): Classification {
      const tokens = normalizeText(text).map((t) => (t === ',' ? t : vocabulary.correct(t)));
      if (isStopRequest(tokens)) return { intent: 'unsubscribe', score: 0.95, ambiguous: false, candidates: [{ intent: 'unsubscribe', score: 5 }] };
      const ranked = [...scoreTokens(tokens)].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score);
      const [top, second] = ranked;
      if (tokens.length === 0) return { intent: 'greeting', score: 0.5, ambiguous: false, candidates: [] };
      if (!top || top.score < unknownBelow) {
        const best = Math.max(0, top?.score ?? 0);
        return { intent: 'unknown', score: round(1 - best / (best + 2)), ambiguous: false, candidates: ranked.slice(0, 3) };
      }
      const ambiguous = second !== undefined && second.score >= top.score * ambiguityRatio && isTopic(top.intent) && isTopic(second.intent);
      return { intent: top.intent, score: round(top.score / (top.score + 2)), ambiguous, candidates: ranked.filter((r) => isTopic(r.intent)).slice(0, 3) };
    },
  };
}

export type IntentClassifier = ReturnType<typeof createIntentClassifier>;

function matchFrom(pattern: CompiledPattern, tokens: string[], negated: boolean[], start: number): boolean {
  let pos = start;
  for (let s = 0; s < pattern.slots.length; s++) {
    const slot = pattern.slots[s] ?? [];
    const last = s === 0 ? start : Math.min(tokens.length - 1, pos + 2);
    let next = -1;
    for (let p = s === 0 ? start : pos; p <= last && next < 0; p++) {
      for (const alternative of slot) {
        if (wordsAt(tokens, negated, p, alternative)) {
          next = p + alternative.length;
          break;
        }
      }
    }
    if (next < 0) return false;
    pos = next;
  }
  return true;
}

function wordsAt(tokens: string[], negated: boolean[], at: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    if (tokens[at + k] !== words[k] || negated[at + k]) return false;
  }
  return true;
}

function splitClauses(tokens: string[]): string[][] {
  const clauses: string[][] = [[]];
  for (const t of tokens) {
    if (clauseBreaks.has(t)) clauses.push([]);
    if (t !== ',') clauses.at(-1)?.push(t);
  }
  return clauses.filter((c) => c.length > 0);
}

function negationMask(clause: string[]): boolean[] {
  const mask = clause.map(() => false);
  for (let i = 0; i < clause.length; i++) {
    const marker = negationStarts.find((m) => m.every((w, k) => clause[i + k] === w));
    if (!marker) continue;
    for (let j = i + marker.length; j < clause.length && !negationEnds.has(clause[j] ?? ''); j++) mask[j] = true;
  }
  return mask;
}

function desireMask(clause: string[]): boolean[] {
  const mask = clause.map(() => false);
  clause.forEach((t, i) => {
    if (!desireWords.has(t)) return;
    for (let j = i + 1; j <= i + desireReach && j < clause.length; j++) mask[j] = true;
  });
  return mask;
}

function absorbContext(scores: Map<Entry['intent'], number>): void {
  for (const { absorber, atLeast, absorbs } of absorptions) {
    const own = scores.get(absorber) ?? 0;
    if (own < atLeast) continue;
    let extra = 0;
    for (const [intent, score] of scores) {
      if (intent !== absorber && (absorbs === 'topics' ? isTopic(intent) : absorbs.includes(intent))) extra += score;
    }
    scores.set(absorber, own + extra);
    return;
  }
}

function isDoneClause(clause: string[]): boolean {
  return clause.some((t) => doneWords.has(t)) && !clause.some((t) => troubleWords.has(t));
}

function routeRecovery(scores: Map<Entry['intent'], number>, tokens: string[]): void {
  const recovery = scores.get('vneid-account-recovery');
  if (!recovery || tokens.includes('vneid')) return;
  const owner = recoveryOwners.find((o) => containsRun(tokens, o.words));
  if (!owner) return;
  scores.delete('vneid-account-recovery');
  scores.set(owner.intent, (scores.get(owner.intent) ?? 0) + recovery);
}

function containsRun(tokens: string[], words: string[]): boolean {
  return tokens.some((_, i) => words.every((w, k) => tokens[i + k] === w));
}

function isStopRequest(tokens: string[]): boolean {
  const words = tokens.filter((t) => t !== ',');
  return words.length > 0 && words.length <= 6 && words.some((t) => stopWords.has(t)) && words.every((t) => stopWords.has(t) || politeWords.has(t));
}

function isTopic(intent: IntentId): boolean {
  return intent !== 'greeting' && intent !== 'unsubscribe' && intent !== 'unknown';
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
