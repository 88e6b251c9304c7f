import { intentBench } from './intent-bench.ts';
import { reportParseBench } from './report-parse-bench.ts';

/**
 * Understanding: intent classifications and report parses per second on one core, in CPU time.
 * There is no reference implementation to compare with; the classifier's memory and training time
 * are reported beside the rates, with the targets the project set itself.
 */
export function nluBench(options: { quick: boolean }): Record<string, unknown> {
  const intents = intentBench(options);
  const reports = reportParseBench(options);
  return {
    intents_per_s: intents.per_s,
    reports_per_s: reports.per_s,
    model_mib: intents.model_mib,
    train_ms: intents.train_ms,
    intents,
    reports,
    targets: { intents_per_s: 20_000, model_mib: 20 },
    note: 'per second of CPU time on one core (user + system of this thread), so other load on the machine does not lower it; wall_clock_per_s is beside each',
  };
}
