import { loadTrainingMessages } from '../../bot/chat/nlu/corpus.ts';
import { createIntentClassifier } from '../../bot/chat/nlu/intent-classifier.ts';
import { cpuRate } from './bench-stats.ts';

/**
 * Intent classifications per second on one core (CPU time, see cpuRate) over the training corpus's
 * real messages, the memory the loaded classifier holds (catalogue, typo vocabulary and the learned
 * model, typed arrays included) and the time to train it at start-up. Needs node --expose-gc, so the
 * heap is measured after collections (`npm run bench` does that).
 */
export function intentBench(options: { quick: boolean }): Record<string, unknown> {
  const gc = globalThis.gc;
  if (!gc) throw new Error('run with node --expose-gc');

  const training = loadTrainingMessages();
  const texts = training.map((m) => m.text);

  gc();
  const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const before = memory();
  const trainStart = process.hrtime.bigint();
  const classifier = createIntentClassifier({ training });
  const trainMs = Number(process.hrtime.bigint() - trainStart) / 1e6;
  for (const t of texts) classifier.classify(t); // warm the typo cache as real traffic would
  gc();
  const modelBytes = memory() - before;

  const perRound = options.quick ? 5_000 : 100_000;
  const rate = cpuRate(options.quick ? 3 : 5, perRound, (i) => classifier.classify(texts[i % texts.length] ?? ''));
  return {
    messages: texts.length,
    mean_chars: Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length),
    per_round: perRound,
    ...rate,
    microseconds_per_message: Number((1e6 / rate.per_s).toFixed(1)),
    model_mib: Number((modelBytes / 1024 / 1024).toFixed(1)),
    train_ms: Math.round(trainMs),
  };
}
