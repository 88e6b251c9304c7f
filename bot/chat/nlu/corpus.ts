import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { intentIds, subIntentFamily, subIntentIds } from './intent-catalogue.ts';
import type { LabelId } from './intent-catalogue.ts';

/**
 * Labelled resident messages (docs/understanding.md), one JSON object per line. The training corpus
 * ships with the bot in `corpus/`; the held-out sets kept under `test/` are never read here.
 */
export const intentLineSchema = z
  .object({
    text: z.string().min(1),
    intent: z.enum(intentIds),
    subIntent: z.enum(subIntentIds).optional(),
  })
  .refine((l) => l.subIntent === undefined || subIntentFamily[l.subIntent] === l.intent, { message: 'subIntent belongs to another intent' });
export type IntentLine = z.infer<typeof intentLineSchema>;
export type LabelledMessage = { text: string; label: LabelId };

export const trainingCorpusDir = new URL('./corpus/', import.meta.url);

/** Reads a JSON Lines file of intent labels; throws naming the file and line of a bad one. */
export function readIntentLines(url: URL): IntentLine[] {
  return readJsonLines(url, intentLineSchema);
}

export function readJsonLines<T>(url: URL, schema: z.ZodType<T>): T[] {
  return readFileSync(url, 'utf8')
    .split('\n')
    .flatMap((line, index) => {
      if (!line.trim()) return [];
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${url.pathname}:${index + 1}: ${parsed.error.message}`);
      return [parsed.data];
    });
}

/** Every labelled message of the training corpus (`corpus/intents-*.jsonl`). */
export function loadTrainingMessages(dir: URL = trainingCorpusDir): LabelledMessage[] {
  return readdirSync(dir)
    .filter((name) => /^intents-.*\.jsonl$/.test(name))
    .sort()
    .flatMap((name) => readIntentLines(new URL(name, dir)))
    .map((line) => ({ text: line.text, label: line.subIntent ?? line.intent }));
}
