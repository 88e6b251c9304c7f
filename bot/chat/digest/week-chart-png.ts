import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { dayMonth } from '../../domain/calendar.ts';
import type { CommuneWeekDigest } from '../../domain/digests/commune-week-digest.ts';
import { metricIds, metrics } from '../group/report/metrics.ts';
import type { MetricId } from '../group/report/metrics.ts';

const require = createRequire(import.meta.url);
/** Be Vietnam Pro, shipped through npm: every diacritic renders, whatever fonts the server has. */
const fontFamily = 'Be Vietnam Pro';
GlobalFonts.registerFromPath(require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf'), fontFamily);
GlobalFonts.registerFromPath(require.resolve('@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf'), fontFamily);

const colours = ['#1F4E79', '#2E8B57', '#E08E0B'];
const width = 1000;
const labelWidth = 280;
const barHeight = 16;
const rowGap = 18;
const top = 120;

/**
 * The week's chart for the leaders: per village, horizontal bars for the commune's three largest
 * metrics of the week, with their numbers written at the end of each bar. A PNG, readable on a phone.
 */
export function renderWeekChartPng(digest: CommuneWeekDigest): Buffer {
  const shown = topMetrics(digest);
  const rowHeight = Math.max(1, shown.length) * barHeight + rowGap;
  const height = top + Math.max(1, digest.villages.length) * rowHeight + 30;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#111111';
  ctx.font = `600 26px "${fontFamily}"`;
  ctx.fillText(`Tuần ${digest.week.week} (${dayMonth(digest.monday).slice(0, 5)} – ${dayMonth(digest.sunday)}) – ${digest.commune.name}`, 24, 44);
  ctx.font = `400 18px "${fontFamily}"`;
  shown.forEach((metric, i) => {
    const x = 24 + i * 300;
    ctx.fillStyle = colours[i] ?? '#555555';
    ctx.fillRect(x, 70, 18, 18);
    ctx.fillStyle = '#333333';
    ctx.fillText(metrics[metric].label, x + 26, 86);
  });
  const max = Math.max(1, ...digest.villages.flatMap((v) => shown.map((m) => v.totals[m] ?? 0)));
  const scale = (width - labelWidth - 90) / max;
  digest.villages.forEach((village, row) => {
    const y = top + row * rowHeight;
    ctx.fillStyle = village.reported ? '#111111' : '#B00020';
    ctx.font = `600 18px "${fontFamily}"`;
    ctx.fillText(village.reported ? village.name : `${village.name} (chưa báo cáo)`, 24, y + (shown.length * barHeight) / 2 + 6, labelWidth - 30);
    ctx.font = `400 14px "${fontFamily}"`;
    shown.forEach((metric, i) => {
      const value = village.totals[metric] ?? 0;
      const barY = y + i * barHeight;
      ctx.fillStyle = colours[i] ?? '#555555';
      ctx.fillRect(labelWidth, barY, Math.max(2, value * scale), barHeight - 3);
      ctx.fillStyle = '#333333';
      ctx.fillText(String(value), labelWidth + value * scale + 6, barY + barHeight - 4);
    });
  });
  return canvas.toBuffer('image/png');
}

/** The three metrics with the largest totals this week (households and level-2 first when tied). */
function topMetrics(digest: CommuneWeekDigest): MetricId[] {
  return metricIds
    .filter((m) => (digest.totals[m] ?? 0) > 0)
    .sort((a, b) => (digest.totals[b] ?? 0) - (digest.totals[a] ?? 0))
    .slice(0, 3);
}
