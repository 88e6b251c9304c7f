import { createIntentClassifier } from './intent-classifier.ts';
import type { Classification, IntentClassifier } from './intent-classifier.ts';

export type { Classification };

let shared: IntentClassifier | null = null;

/**
 * The classifier the bot uses, compiled once per process on first use. `npm run nlu` calls this
 * same function, so what the CLI reports is exactly what residents get.
 */
export function classifyIntent(text: string): Classification {
  shared ??= createIntentClassifier();
  return shared.classify(text);
}

export function explainIntent(text: string): { tokens: string[]; matches: string[] } {
  shared ??= createIntentClassifier();
  return shared.explain(text);
}
