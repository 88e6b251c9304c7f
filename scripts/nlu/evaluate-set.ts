import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseReport } from '../../bot/chat/group/report/parse-report.ts';
import { classifyIntent } from '../../bot/chat/nlu/classify-intent.ts';
import { readGuideMove, readYesNo } from '../../bot/chat/nlu/read-answer.ts';
import { addressFormOf } from '../../bot/chat/resident/address-form.ts';
import { z } from 'zod';

/**
 * Measures the bot's own understanding on one labelled JSON Lines file (docs/understanding.md,
 * docs/report-grammar.md). The kind of set is told by its fields.
 */
export type SetKind = 'intents' | 'answers' | 'two-topics' | 'address' | 'reports';
export type SetReport = {
  name: string;
  kind: SetKind;
  total: number;
  correct: number;
  accuracy: number;
  /** Further figures of the set, e.g. yes-words read as unsubscribe. */
  figures: Record<string, number>;
  /** "expected → got" with how often, most frequent first. */
  confusion: [string, number][];
  misses: string[];
};

type Line = Record<string, unknown>;
type Outcome = { ok: boolean; expected: string; got: string; text: string };

export function evaluateFile(path: string): SetReport {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l): Line => JSON.parse(l));
  const kind = kindOf(lines[0] ?? {});
  const figures: Record<string, number> = {};
  const outcomes = lines.map((line) => judge(kind, line, figures));
  const correct = outcomes.filter((o) => o.ok).length;
  const confusion = new Map<string, number>();
  for (const o of outcomes) if (!o.ok) confusion.set(`${o.expected} → ${o.got}`, (confusion.get(`${o.expected} → ${o.got}`) ?? 0) + 1);
  return {
    name: basename(path),
    kind,
    total: lines.length,
    correct,
    accuracy: lines.length === 0 ? 0 : correct / lines.length,
    figures,
    confusion: [...confusion].sort((a, b) => b[1] - a[1]),
    misses: outcomes.filter((o) => !o.ok).map((o) => `[${o.expected} → ${o.got}] ${o.text}`),
  };
}

function kindOf(line: Line): SetKind {
  if ('expect' in line) return 'reports';
  if ('answer' in line) return 'answers';
  if ('intents' in line) return 'two-topics';
  if ('self' in line) return 'address';
  return 'intents';
}

function judge(kind: SetKind, line: Line, figures: Record<string, number>): Outcome {
  const text = String(line.text ?? '');
  switch (kind) {
    case 'intents': {
      const c = classifyIntent(text);
      if (typeof line.subIntent === 'string') {
        figures.subIntentLines = (figures.subIntentLines ?? 0) + 1;
        if (c.subIntent === line.subIntent) figures.subIntentCorrect = (figures.subIntentCorrect ?? 0) + 1;
      }
      return { ok: c.intent === line.intent, expected: String(line.intent), got: c.intent, text };
    }
    case 'answers': {
      const got = line.context === 'yes-no' ? readYesNo(text) : (readGuideMove(text) ?? 'unclear');
      if (line.answer === 'yes') {
        figures.yesLines = (figures.yesLines ?? 0) + 1;
        // The bar of issue 7: a yes-word is never a request to stop, in context or on its own.
        const alone = classifyIntent(text);
        if (alone.intent === 'unsubscribe' && !alone.ambiguous) figures.yesAsUnsubscribe = (figures.yesAsUnsubscribe ?? 0) + 1;
      }
      return { ok: got === line.answer, expected: `${String(line.context)}:${String(line.answer)}`, got, text };
    }
    case 'two-topics': {
      const wanted = Array.isArray(line.intents) ? line.intents.map(String) : [];
      const c = classifyIntent(text);
      const top: string[] = c.pair ?? c.candidates.slice(0, 2).map((x) => x.intent);
      return { ok: wanted.every((w) => top.includes(w)), expected: wanted.join('+'), got: top.join('+'), text };
    }
    case 'address': {
      const got = addressFormOf(text) ?? 'null';
      return { ok: got === String(line.self), expected: String(line.self), got, text };
    }
    case 'reports': {
      const expect = expectSchema.parse(line.expect);
      const got = parseReport(text, new Date(String(line.now)));
      const wanted = expect.ok ? `${expect.date} ${countsText(expect.counts)}` : expect.error;
      const seen = got.ok ? `${got.date} ${countsText(got.counts)}` : got.error;
      return { ok: wanted === seen, expected: wanted, got: seen, text };
    }
  }
}

const expectSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), date: z.string(), counts: z.record(z.string(), z.number()) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

function countsText(counts: Record<string, number | undefined>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b))));
}
