import { readFileSync } from 'node:fs';
import { parseReport } from '../../bot/chat/group/report/parse-report.ts';
import { cpuRate } from './bench-stats.ts';

/**
 * Real report lines as team members write them: the labelled report corpora (docs/report-grammar.md),
 * refusals and ordinary chatter included, each with the moment it was sent (dates are read against it).
 */
const corpora = ['test/nlu/dev/reports-seed.jsonl', 'test/nlu/dev/reports-b.jsonl', 'test/nlu/heldout/reports-2026-12.jsonl'];

type Line = { text: string; now: Date };

function loadLines(): Line[] {
  return corpora.flatMap((file) =>
    readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l): Line => {
        const parsed: unknown = JSON.parse(l);
        const text = typeof parsed === 'object' && parsed !== null && 'text' in parsed && typeof parsed.text === 'string' ? parsed.text : '';
        const now = typeof parsed === 'object' && parsed !== null && 'now' in parsed && typeof parsed.now === 'string' ? parsed.now : '';
        return { text, now: new Date(now) };
      }),
  );
}

/** Report parses per second on one core (CPU time), over every line of the report corpora. */
export function reportParseBench(options: { quick: boolean }): Record<string, unknown> {
  const lines = loadLines();
  const accepted = lines.filter((l) => parseReport(l.text, l.now).ok).length;
  const perRound = options.quick ? 10_000 : 100_000;
  const rate = cpuRate(options.quick ? 3 : 5, perRound, (i) => {
    const line = lines[i % lines.length];
    if (line) parseReport(line.text, line.now);
  });
  return {
    lines: lines.length,
    accepted_as_reports: accepted,
    mean_chars: Math.round(lines.reduce((n, l) => n + l.text.length, 0) / lines.length),
    corpora,
    per_round: perRound,
    ...rate,
    microseconds_per_line: Number((1e6 / rate.per_s).toFixed(1)),
  };
}
