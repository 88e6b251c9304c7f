import type { Counts, Metric } from '../api/types';
import { capitalize, formatNumber, metricLabel } from '../util/format';

/** Every metric of the catalogue with its total, zeros included: for leaders a zero is information too. */
export function TotalsGrid({ totals, metrics }: { totals: Counts; metrics: Metric[] }) {
  const ids = [...metrics.map((m) => m.id), ...Object.keys(totals).filter((id) => !metrics.some((m) => m.id === id))];
  return (
    <ul className="totals-grid">
      {ids.map((id) => {
        const n = totals[id] ?? 0;
        return (
          <li key={id} className={n === 0 ? 'zero' : undefined}>
            <strong data-testid={`dashboard-total-${id}`}>{formatNumber(n)}</strong>
            <span>{capitalize(metricLabel(metrics, id))}</span>
          </li>
        );
      })}
    </ul>
  );
}
