import type { Metric, VillageWeek } from '../api/types';
import { capitalize, formatNumber, metricLabel, nonZeroCounts } from '../util/format';

function status(village: VillageWeek): { icon: string; text: string; cls: string } {
  if (!village.reported) return { icon: '❗', text: 'Chưa báo cáo', cls: 'village-missing' };
  if (!village.onTime) return { icon: '🕒', text: 'Báo cáo muộn', cls: 'village-late' };
  return { icon: '✅', text: 'Đã báo cáo', cls: 'village-ok' };
}

/** Each village's week at a glance: whether it reported on time, and its first non-zero totals (the catalogue lists the main ones first). */
export function VillageList({ villages, metrics }: { villages: VillageWeek[]; metrics: Metric[] }) {
  return (
    <ul className="villages">
      {villages.map((village) => {
        const s = status(village);
        const main = nonZeroCounts(village.totals, metrics).slice(0, 3);
        return (
          <li key={village.id} className={s.cls} data-testid={`dashboard-village-${village.id}`}>
            <div className="village-head">
              <strong>{village.name}</strong>
              <span className="village-status">
                <span aria-hidden="true">{s.icon}</span> {s.text}
              </span>
            </div>
            {main.length > 0 && (
              <p className="muted small">
                {main.map(([id, n]) => `${capitalize(metricLabel(metrics, id))}: ${formatNumber(n)}`).join(' · ')}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
