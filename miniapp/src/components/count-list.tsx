import type { Counts, Metric } from '../api/types';
import { capitalize, formatNumber, metricLabel, nonZeroCounts } from '../util/format';

type Props = { counts: Counts; metrics: Metric[]; testIdPrefix?: string };

/** Non-zero counts as label / number rows, in catalogue order. */
export function CountList({ counts, metrics, testIdPrefix }: Props) {
  return (
    <ul className="counts">
      {nonZeroCounts(counts, metrics).map(([id, n]) => (
        <li key={id}>
          <span>{capitalize(metricLabel(metrics, id))}</span>
          <strong data-testid={testIdPrefix ? `${testIdPrefix}${id}` : undefined}>{formatNumber(n)}</strong>
        </li>
      ))}
    </ul>
  );
}
