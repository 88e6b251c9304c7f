import { createInterface } from 'node:readline';
import { runEval } from './nlu/eval-command.ts';
import { printTuning } from './nlu/tune.ts';
import { parseReport } from '../bot/chat/group/report/parse-report.ts';
import { classifyIntent, explainIntent } from '../bot/chat/nlu/classify-intent.ts';

/**
 * `npm run nlu -- intent`   JSON Lines on stdin, each {"text": "..."}; one JSON line out per input:
 *                           {"intent", "score", "ambiguous", "candidates"} — the bot's own code path.
 * `npm run nlu -- explain`  the same input; prints the normalised tokens and the patterns that fired.
 * `npm run nlu -- report`   JSON Lines {"text", "now": ISO-8601 with offset}; one line out per input:
 *                           {"ok": true, "date", "counts"} or {"ok": false, "error"} — the bot's own parser.
 * `npm run nlu -- eval [files] [--quiet]`  accuracy, confusion and misses on labelled sets
 *                           (default: test/nlu/heldout and test/nlu/dev; formats in docs/understanding.md).
 * `npm run nlu -- tune`     cross-validates the blend of catalogue and model on the training corpus.
 */
const modes: Record<string, (input: Record<string, unknown>) => unknown> = {
  intent: (input) => classifyIntent(text(input)),
  explain: (input) => explainIntent(text(input)),
  report: (input) => {
    const now = typeof input.now === 'string' && !Number.isNaN(Date.parse(input.now)) ? new Date(input.now) : null;
    if (!now) throw new Error('"now" must be an ISO-8601 time, e.g. 2026-11-20T18:30:00+07:00');
    const result = parseReport(text(input), now);
    return result.ok ? { ok: true, date: result.date, counts: result.counts } : { ok: false, error: result.error };
  },
};

const mode = process.argv[2] ?? '';
if (mode === 'eval') {
  runEval(process.argv.slice(3));
  process.exit(0);
}
if (mode === 'tune') {
  printTuning();
  process.exit(0);
}
const handle = modes[mode];
if (!handle) {
  console.error(`usage: npm run nlu -- ${Object.keys(modes).join('|')}  < messages.jsonl\n       npm run nlu -- eval [file.jsonl …] [--quiet]\n       npm run nlu -- tune`);
  process.exit(2);
}

let line = 0;
for await (const raw of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  line += 1;
  if (!raw.trim()) continue;
  try {
    const input: unknown = JSON.parse(raw);
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error('expected a JSON object');
    process.stdout.write(JSON.stringify(handle(Object.fromEntries(Object.entries(input)))) + '\n');
  } catch (err) {
    process.stdout.write(JSON.stringify({ error: `line ${line}: ${err instanceof Error ? err.message : String(err)}` }) + '\n');
  }
}

function text(input: Record<string, unknown>): string {
  if (typeof input.text !== 'string') throw new Error('"text" must be a string');
  return input.text;
}
