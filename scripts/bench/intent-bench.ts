import { readFileSync } from 'node:fs';
import { createIntentClassifier } from '../../bot/chat/nlu/intent-classifier.ts';

/**
 * Intent classifications per second on one core, and the memory the loaded matcher holds.
 * Needs node --expose-gc, so the heap is measured after collections (`npm run bench` does that).
 */
export function intentBench(): Record<string, unknown> {
  const gc = globalThis.gc;
  if (!gc) throw new Error('run with node --expose-gc');

  const texts = ['intent-cases.jsonl', 'intent-holdout.jsonl'].flatMap((f) =>
    readFileSync(new URL(`../../test/nlu/${f}`, import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { text: string }).text),
  );

  gc();
  const before = process.memoryUsage().heapUsed;
  const classifier = createIntentClassifier();
  for (const t of texts) classifier.classify(t); // warm the typo cache as real traffic would
  gc();
  const matcherBytes = process.memoryUsage().heapUsed - before;

  // Warm-up, then timed rounds over the 605 real messages (mean length ~60 characters).
  for (let i = 0; i < 20_000; i++) classifier.classify(texts[i % texts.length] ?? '');
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    const n = 100_000;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) classifier.classify(texts[i % texts.length] ?? '');
    rounds.push(n / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  rounds.sort((a, b) => a - b);
  const median = rounds[2] ?? 0;
  return {
    bench: 'intent-classification',
    messages: texts.length,
    meanChars: Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length),
    perSecondMedian: Math.round(median),
    perSecondRange: [Math.round(rounds[0] ?? 0), Math.round(rounds[4] ?? 0)],
    microsecondsPerMessage: Number((1e6 / median).toFixed(1)),
    matcherHeapKiB: Math.round(matcherBytes / 1024),
    target: '>= 20000/s',
    met: median >= 20_000,
  };
}
