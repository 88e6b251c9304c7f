import type { TargetProgress } from '../api/types';
import { capitalize, formatNumber, formatPercent } from '../util/format';

/** Targets as bars: label, "done / target", percent. A bar never overflows, the percent may pass 100. */
export function TargetList({ targets }: { targets: TargetProgress[] }) {
  return (
    <ul className="targets">
      {targets.map((t) => (
        <li key={t.metric}>
          <div className="target-head">
            <span>{capitalize(t.label)}</span>
            <strong>{formatPercent(t.percent)}</strong>
          </div>
          <div
            className={`bar${t.percent >= 100 ? ' bar-done' : ''}`}
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.min(100, Math.round(t.percent))}
            aria-label={capitalize(t.label)}
          >
            <span style={{ width: `${Math.max(0, Math.min(100, t.percent))}%` }} />
          </div>
          <div className="target-foot">
            {formatNumber(t.done)} / {formatNumber(t.target)}
          </div>
        </li>
      ))}
    </ul>
  );
}
