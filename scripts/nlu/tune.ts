import { createCatalogueScorer } from '../../bot/chat/nlu/catalogue-scorer.ts';
import { loadTrainingMessages } from '../../bot/chat/nlu/corpus.ts';
import type { LabelledMessage } from '../../bot/chat/nlu/corpus.ts';
import { extractFeatures } from '../../bot/chat/nlu/features.ts';
import { familyOf } from '../../bot/chat/nlu/intent-catalogue.ts';
import { combineReadings, defaultBlend, trainModel } from '../../bot/chat/nlu/intent-classifier.ts';
import type { BlendOptions } from '../../bot/chat/nlu/intent-classifier.ts';
import { predictLinearModel } from '../../bot/chat/nlu/linear-model.ts';
import { tokenize } from '../../bot/chat/nlu/tokenize.ts';

/**
 * Chooses how the catalogue and the learned model are blended by k-fold cross-validation on the
 * training corpus only (held-out sets are never read here). Prints the accuracy of the catalogue
 * alone, the model alone and each blend, best first.
 */
type Reading = { message: LabelledMessage; evidence: ReturnType<ReturnType<typeof createCatalogueScorer>['score']>; model: Float32Array };

export function crossValidate(folds = 5): Reading[] {
  const messages = loadTrainingMessages();
  const catalogue = createCatalogueScorer();
  const readings: Reading[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const train = messages.filter((_, i) => i % folds !== fold);
    const model = trainModel(catalogue, train);
    messages.forEach((message, i) => {
      if (i % folds !== fold) return;
      const tokens = catalogue.correct(tokenize(message.text));
      readings.push({ message, evidence: catalogue.score(tokens), model: predictLinearModel(model, extractFeatures(tokens)) });
    });
  }
  return readings;
}

export function accuracy(readings: Reading[], blend: BlendOptions): number {
  let correct = 0;
  for (const r of readings) if (combineReadings(r.evidence, r.model, blend).intent === familyOf(r.message.label)) correct++;
  return correct / readings.length;
}

export function printTuning(): void {
  const readings = crossValidate();
  const rows: [string, number][] = [];
  for (const catalogueWeight of [0, 0.2, 0.35, 0.5, 0.65, 0.8, 1]) {
    for (const catalogueSharpness of [0.6, 1, 1.5, 2.5]) {
      for (const unknownEvidence of [0.8, 1.2, 1.8]) {
        const blend = { ...defaultBlend, catalogueWeight, catalogueSharpness, unknownEvidence };
        rows.push([JSON.stringify(blend), accuracy(readings, blend)]);
      }
    }
  }
  rows.sort((a, b) => b[1] - a[1]);
  console.log(`cross-validated on ${readings.length} training messages (5 folds)`);
  console.log(`catalogue only (weight 1): best ${pct(Math.max(...rows.filter(([k]) => k.includes('"catalogueWeight":1,')).map(([, v]) => v)))}`);
  console.log(`model only (weight 0): ${pct(Math.max(...rows.filter(([k]) => k.includes('"catalogueWeight":0,')).map(([, v]) => v)))}`);
  console.log(`current default: ${pct(accuracy(readings, defaultBlend))}`);
  for (const [k, v] of rows.slice(0, 8)) console.log(`${pct(v)}  ${k}`);
}

function pct(n: number): string {
  return `${(n * 100).toFixed(1)}%`;
}


