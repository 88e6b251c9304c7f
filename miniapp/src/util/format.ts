import type { Counts, Metric, Role, TeamKind } from '../api/types';

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** 1.234 (Vietnamese grouping). */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

export function formatPercent(n: number): string {
  return `${numberFormat.format(n)}%`;
}

// The catalogue's labels are written to follow a number ("hộ đã đến"); a row heading needs a capital.
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1);
}

export function metricLabel(metrics: Metric[], id: string): string {
  return metrics.find((m) => m.id === id)?.label ?? id;
}

/** The non-zero counts, in catalogue order (unknown metrics last), as [id, value] pairs. */
export function nonZeroCounts(counts: Counts, metrics: Metric[]): [string, number][] {
  const order = (id: string) => {
    const i = metrics.findIndex((m) => m.id === id);
    return i === -1 ? metrics.length : i;
  };
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => order(a) - order(b));
}

/** "12 hộ đã đến · 3 người được hướng dẫn" */
export function countsSentence(counts: Counts, metrics: Metric[]): string {
  return nonZeroCounts(counts, metrics)
    .map(([id, n]) => `${formatNumber(n)} ${metricLabel(metrics, id)}`)
    .join(' · ');
}

export const roleLabels: Record<Role, string> = {
  member: 'Thành viên',
  team_leader: 'Tổ trưởng',
  commune_leader: 'Lãnh đạo xã',
  province_admin: 'Quản trị tỉnh',
  admin: 'Quản trị',
};

export const teamKindLabels: Record<TeamKind, string> = {
  village: 'Tổ thôn',
  commune: 'Tổ xã',
  commune_leaders: 'Nhóm lãnh đạo xã',
};
