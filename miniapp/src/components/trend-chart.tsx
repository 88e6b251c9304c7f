import type { Counts } from '../api/types';
import { weekShortLabel } from '../util/dates';
import { formatNumber } from '../util/format';

type Props = { trend: { week: string; totals: Counts }[]; metric: string; label: string };

const width = 320;
const height = 200;
const top = 24; // room for the value above the tallest bar
const bottom = 28; // room for the week under each bar

/** Weekly values of one metric as bars, oldest first; the last (current) week stands out. */
export function TrendChart({ trend, metric, label }: Props) {
  const values = trend.map((t) => t.totals[metric] ?? 0);
  const max = Math.max(1, ...values);
  const slot = width / Math.max(1, trend.length);
  const barWidth = slot * 0.6;
  const plot = height - top - bottom;
  const summary = trend.map((t, i) => `${weekShortLabel(t.week)}: ${formatNumber(values[i] ?? 0)}`).join(', ');

  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${label}. ${summary}`} data-testid="trend-chart">
      <line x1={0} x2={width} y1={top + plot} y2={top + plot} className="chart-axis" />
      {trend.map((t, i) => {
        const value = values[i] ?? 0;
        const barHeight = (value / max) * plot;
        const x = i * slot + (slot - barWidth) / 2;
        const y = top + plot - barHeight;
        const last = i === trend.length - 1;
        return (
          <g key={t.week}>
            <rect x={x} y={y} width={barWidth} height={barHeight} rx={3} className={last ? 'chart-bar chart-bar-now' : 'chart-bar'} />
            <text x={x + barWidth / 2} y={y - 6} textAnchor="middle" className="chart-value">
              {formatNumber(value)}
            </text>
            <text x={x + barWidth / 2} y={height - 8} textAnchor="middle" className="chart-label">
              {weekShortLabel(t.week)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
