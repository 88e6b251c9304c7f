import { createCatalogueScorer, isTopic } from './catalogue-scorer.ts';
import type { CatalogueScorer } from './catalogue-scorer.ts';
import { loadTrainingMessages } from './corpus.ts';
import type { LabelledMessage } from './corpus.ts';
import { extractFeatures } from './features.ts';
import { familyOf, intentIds, isSubIntent, subIntentIds } from './intent-catalogue.ts';
import type { IntentId, LabelId, SubIntentId } from './intent-catalogue.ts';
import { predictLinearModel, trainLinearModel } from './linear-model.ts';
import type { LinearModel } from './linear-model.ts';
import { readStopRequest } from './stop-request.ts';
import { asksToCompare, namedTopicPair } from './topic-pair.ts';
import { tokenize } from './tokenize.ts';
import { isGuideId } from '../../guides/guide.ts';
import type { GuideId } from '../../guides/guide.ts';
import type { Token } from './tokenize.ts';

export type ScoredIntent = { intent: IntentId; score: number };

export type Classification = {
  intent: IntentId;
  /** A finer reading of `intent` (thanks, complaint, scam in progress or after the fact), or null. */
  subIntent: SubIntentId | null;
  /** Confidence in `intent`, 0..1. */
  score: number;
  /**
   * True when the bot should ask instead of acting: a second topic is nearly as likely, or (for
   * `unsubscribe`) the only stop word was typed without diacritics and may have been "đúng".
   */
  ambiguous: boolean;
  /** The best topics, strongest first (at most 3), for offering a choice. */
  candidates: ScoredIntent[];
  /** Two topics the message names side by side and asks about together ("VNeID và VssID khác gì"), or null. */
  pair: [GuideId, GuideId] | null;
  /** The service the message names most clearly, whatever the intent ("nhờ tổ đến làm mức 2" → vneid-level2), or null. */
  topic: GuideId | null;
};

/** How the two readers are blended; chosen by cross-validation on the training corpus (`npm run nlu -- tune`). */
export type BlendOptions = { catalogueWeight: number; catalogueSharpness: number; unknownEvidence: number; ambiguityRatio: number };
export const defaultBlend: BlendOptions = { catalogueWeight: 0.5, catalogueSharpness: 1.5, unknownEvidence: 1.2, ambiguityRatio: 0.6 };

const labels: readonly LabelId[] = [...intentIds, ...subIntentIds];
/**
 * Stopping our messages silences a resident for good, so it needs a stop phrase the catalogue can
 * point at ("dừng gửi tin", "đừng nhắn nữa"); words that merely look like one to the model never do.
 */
const unsubscribeEvidence = 2.5;
/** Catalogue evidence for a topic to count as named in the message. */
const namedTopicEvidence = 1.2;
/** Without a comparing word, both named topics must be at least this likely to be offered together. */
const pairLikely = 0.1;

/**
 * Reads one message on its own: a learned model over words and character n-grams, trained from the
 * corpus in the repository, blended with the hand-written catalogue (which knows negation, clauses,
 * "already done" and context rules). Deterministic and in-process: the same function serves the bot
 * and `npm run nlu`.
 */
export function createIntentClassifier(options: { training?: LabelledMessage[]; blend?: BlendOptions } = {}) {
  const catalogue = createCatalogueScorer();
  const blend = options.blend ?? defaultBlend;
  const model = trainModel(catalogue, options.training ?? loadTrainingMessages());
  const probabilities = new Float32Array(labels.length);

  function read(tokens: Token[]): Classification {
    const stop = readStopRequest(tokens);
    if (stop !== 'none') return { intent: 'unsubscribe', subIntent: null, score: 0.95, ambiguous: stop === 'ambiguous', candidates: [], pair: null, topic: null };
    if (tokens.length === 0) return { intent: 'greeting', subIntent: null, score: 0.5, ambiguous: false, candidates: [], pair: null, topic: null };
    const c = combineReadings(catalogue.score(tokens), predictLinearModel(model, extractFeatures(tokens), probabilities), blend);
    // Filled in place: every result keeps one shape, which keeps this hot path monomorphic.
    if (isTopic(c.intent) && c.intent !== 'scam-safety') c.pair = askedPair(tokens, c);
    return c;
  }

  /** A named pair counts when the resident compares, or when both topics are likely on their own. */
  function askedPair(tokens: Token[], c: Classification): [GuideId, GuideId] | null {
    const comparing = asksToCompare(tokens) || c.ambiguous;
    // Cheap test first: without a comparing word, a pair needs a second likely topic at all.
    if (!comparing && (c.candidates[1]?.score ?? 0) < pairLikely) return null;
    const pair = namedTopicPair(tokens, catalogue);
    if (!pair) return null;
    const likely = (topic: GuideId) => (c.candidates.find((x) => x.intent === topic)?.score ?? 0) >= pairLikely;
    return comparing || (likely(pair[0]) && likely(pair[1])) ? pair : null;
  }

  return {
    classify: (text: string): Classification => read(catalogue.correct(tokenize(text))),
    /** The tokens, the catalogue patterns that fired and the model's best labels: `npm run nlu -- explain`. */
    explain(text: string) {
      const tokens = catalogue.correct(tokenize(text));
      const matches: string[] = [];
      catalogue.score(tokens, matches);
      const p = predictLinearModel(model, extractFeatures(tokens));
      const model3 = labels.map((label, i) => ({ label, p: round(p[i] ?? 0) })).sort((a, b) => b.p - a.p).slice(0, 3);
      return { tokens: tokens.map((t) => (t.key ? `${t.fold}(${t.key})` : t.fold)), matches, model: model3, result: read(tokens) };
    },
  };
}

export type IntentClassifier = ReturnType<typeof createIntentClassifier>;

/** The labels the model predicts, in the order of its outputs. */
export const modelLabels = labels;

export function trainModel(catalogue: CatalogueScorer, training: LabelledMessage[]): LinearModel {
  const index = new Map(labels.map((label, i) => [label, i]));
  const examples = training.map((m) => ({ features: extractFeatures(catalogue.correct(tokenize(m.text))), label: index.get(m.label) ?? 0 }));
  return trainLinearModel(examples, labels.length);
}

/** The decision from both readings of a message (also used by `npm run nlu -- tune`). */
export function combineReadings(evidence: Map<LabelId, number>, model: Float32Array, blend: BlendOptions): Classification {
  const decided = decide(blendScores(evidence, model, blend), blend, (evidence.get('unsubscribe') ?? 0) >= unsubscribeEvidence);
  decided.topic = namedTopic(evidence);
  return decided;
}

/** The guide topic each label names on its own (its family, when that is a guide other than scam safety). */
const namedTopicOf = new Map<LabelId, GuideId>(
  labels.flatMap((label) => {
    const topic = familyOf(label);
    return isGuideId(topic) && topic !== 'scam-safety' ? [[label, topic] as const] : [];
  }),
);

/** The guide topic with the most catalogue evidence of its own, if it is named at all. */
function namedTopic(evidence: Map<LabelId, number>): GuideId | null {
  let best: GuideId | null = null;
  let bestScore = 0;
  for (const [label, score] of evidence) {
    const topic = namedTopicOf.get(label);
    if (topic !== undefined && score >= namedTopicEvidence && (best === null || score > bestScore)) {
      best = topic;
      bestScore = score;
    }
  }
  return best;
}

/** Each label's place in the model's outputs. */
const labelIndex = new Map<LabelId, number>(labels.map((label, i) => [label, i]));
const unknownLabel = labels.indexOf('unknown');
/** Scratch for one message's blended scores and family totals: classifying is synchronous, and nothing keeps them. */
const blended = new Float64Array(labels.length);
const families = new Float64Array(intentIds.length);

/** Per label, the model's probability and the catalogue's evidence (as a distribution), mixed. */
function blendScores(evidence: Map<LabelId, number>, model: Float32Array, blend: BlendOptions): Float64Array {
  const out = blended;
  let max = blend.unknownEvidence;
  for (const score of evidence.values()) max = Math.max(max, score);
  // Most labels have no evidence at all: they share one value, and only the few with some are computed.
  const none = Math.exp(-blend.catalogueSharpness * max);
  out.fill(none);
  out[unknownLabel] = Math.exp(blend.catalogueSharpness * (blend.unknownEvidence - max));
  let sum = none * (labels.length - 1) + (out[unknownLabel] ?? 0);
  for (const [label, raw] of evidence) {
    const i = labelIndex.get(label);
    if (i === undefined || i === unknownLabel) continue;
    const e = Math.exp(blend.catalogueSharpness * (raw - max));
    sum += e - none;
    out[i] = e;
  }
  for (let i = 0; i < labels.length; i++) out[i] = blend.catalogueWeight * ((out[i] ?? 0) / sum) + (1 - blend.catalogueWeight) * (model[i] ?? 0);
  return out;
}

/** Each label's family, as an index into `intentIds`; computed once. */
const familyIndex = labels.map((label) => intentIds.indexOf(familyOf(label)));
const unsubscribeIndex = intentIds.indexOf('unsubscribe');
const topicIndexes = intentIds.flatMap((intent, i) => (isTopic(intent) ? [i] : []));
/** Per intent (by index), the labels of its sub-intents. */
const subIntentLabels = intentIds.map((intent) => labels.flatMap((label, i) => (isSubIntent(label) && familyOf(label) === intent ? [i] : [])));

function decide(scores: Float64Array, blend: BlendOptions, stopPhrase: boolean): Classification {
  families.fill(0);
  for (let i = 0; i < labels.length; i++) families[familyIndex[i] ?? 0] = (families[familyIndex[i] ?? 0] ?? 0) + (scores[i] ?? 0);
  if (!stopPhrase) families[unsubscribeIndex] = -1;
  let top = 0;
  for (let f = 1; f < families.length; f++) if ((families[f] ?? 0) > (families[top] ?? 0)) top = f;
  const topics = bestTopics(families, 3);
  const intent = intentIds[top] ?? 'unknown';
  const [first, second] = topics;
  const ambiguous = isTopic(intent) && first !== undefined && second !== undefined && second.score >= first.score * blend.ambiguityRatio;
  return { intent, subIntent: bestSubIntent(scores, top), score: round(families[top] ?? 0), ambiguous, candidates: topics, pair: null, topic: null };
}

/** The `count` likeliest topics, strongest first (a selection, not a sort: this runs per message). */
function bestTopics(families: Float64Array, count: number): ScoredIntent[] {
  const chosen: number[] = [];
  for (const f of topicIndexes) {
    // Insertion into a short list kept in order, strongest first.
    let at = chosen.length;
    while (at > 0 && (families[f] ?? 0) > (families[chosen[at - 1] ?? 0] ?? 0)) at--;
    if (at < count) {
      chosen.splice(at, 0, f);
      if (chosen.length > count) chosen.pop();
    }
  }
  const topics: ScoredIntent[] = [];
  for (const f of chosen) {
    const intent = intentIds[f];
    if (intent) topics.push({ intent, score: round(families[f] ?? 0) });
  }
  return topics;
}

/** The sub-intent of the chosen family (by index), when it is likelier than the family's plain reading. */
function bestSubIntent(scores: Float64Array, family: number): SubIntentId | null {
  let best: SubIntentId | null = null;
  // An intent's own label has the same index among the labels as among the intents.
  let bestScore = scores[family] ?? 0;
  for (const i of subIntentLabels[family] ?? []) {
    const label = labels[i];
    if (label !== undefined && isSubIntent(label) && (scores[i] ?? 0) > bestScore) {
      best = label;
      bestScore = scores[i] ?? 0;
    }
  }
  return best;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
