import { createIntentClassifier } from './intent-classifier.ts';
import type { Classification, IntentClassifier } from './intent-classifier.ts';

export type { Classification };

let shared: IntentClassifier | null = null;

/** The classifier the bot uses, built once per process on first use (about half a second). */
export function sharedIntentClassifier(): IntentClassifier {
  shared ??= createIntentClassifier();
  return shared;
}

/** Reads one resident message on its own. `npm run nlu` calls this same function. */
export function classifyIntent(text: string): Classification {
  return sharedIntentClassifier().classify(text);
}

export function explainIntent(text: string) {
  return sharedIntentClassifier().explain(text);
}
