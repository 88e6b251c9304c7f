import { dayMonth, monthYear } from '../../domain/calendar.ts';
import type { CommuneWeekDigest, Totals } from '../../domain/digests/commune-week-digest.ts';
import { percentOf } from '../../domain/digests/percent.ts';
import { metricIds, metrics } from '../group/report/metrics.ts';
import { digestTexts as t } from './digest-texts.vi.ts';
import { splitMessages } from './split-messages.ts';

/** Metrics a village line shows; the rest is in the commune totals and the monthly report. */
const villageMetricsShown = 3;

/** The weekly digest as the messages to post in the leaders' group, each within Zalo's limit. */
export function renderWeekDigest(digest: CommuneWeekDigest): string[] {
  const from = dayMonth(digest.monday).slice(0, 5);
  const paragraphs = [t.title(digest.week.week, from, dayMonth(digest.sunday), digest.commune.name), communeTotals(digest)];
  const expected = digest.villages.length;
  if (expected === 0) paragraphs.push(t.noVillages);
  else {
    const percent = (n: number) => `${percentOf(n, expected, 0) ?? 0}%`;
    paragraphs.push(t.rates(digest.reported, digest.onTime, expected, percent));
    paragraphs.push([t.villagesTitle, ...digest.villages.map(villageLine)].join('\n'));
    const silent = digest.villages.filter((v) => !v.reported).map((v) => v.name);
    if (silent.length > 0) paragraphs.push(t.needsSupport(silent));
    for (const period of new Set(digest.namedForMonth.map((n) => n.period))) {
      const [y, m] = period.split('-');
      paragraphs.push(t.monthNamed(`${m}/${y}`, digest.namedForMonth.filter((n) => n.period === period).map((n) => n.teamName)));
    }
  }
  const progress = progressText(digest);
  if (progress) paragraphs.push(progress);
  paragraphs.push(t.help(digest.help));
  if (digest.undelivered.length > 0) paragraphs.push(t.undelivered(digest.undelivered.map((u) => `${u.teamName} (${u.reason})`)));
  return splitMessages(paragraphs);
}

function progressText(digest: CommuneWeekDigest): string | null {
  const { monthTargets, adults, level2SoFar, month } = digest.progress;
  const percent = (done: number, of: number) => percentOf(done, of, 0) ?? 0;
  const items = metricIds.flatMap((m) => {
    const target = monthTargets.find((x) => x.metric === m);
    return target && target.target > 0 ? [t.progressItem(target.done, target.target, metrics[m].label, percent(target.done, target.target))] : [];
  });
  const lines = [
    ...(items.length > 0 ? [t.progress(monthYear(month), items)] : []),
    ...(adults > 0 ? [t.coverage(level2SoFar, adults, percent(level2SoFar, adults))] : []),
  ];
  return lines.length > 0 ? lines.join('\n') : null;
}

function communeTotals(digest: CommuneWeekDigest): string {
  const lines = metricIds.flatMap((m) => {
    const n = digest.totals[m];
    if (n === undefined) return [];
    const last = digest.lastWeekTotals[m];
    return [`• ${n} ${metrics[m].label} (${t.change(n - (last ?? 0), last !== undefined)})`];
  });
  return lines.length === 0 ? t.nothingReported : [t.communeTotals, ...lines].join('\n');
}

function villageLine(village: CommuneWeekDigest['villages'][number]): string {
  if (!village.reported) return t.villageSilent(village.name);
  const summary = shortTotals(village.totals);
  return village.onTime ? t.villageOnTime(village.name, summary) : t.villageLate(village.name, summary);
}

function shortTotals(totals: Totals): string {
  const parts = metricIds.flatMap((m) => (totals[m] === undefined ? [] : [`${totals[m]} ${metrics[m].label}`]));
  return parts.length > villageMetricsShown ? `${parts.slice(0, villageMetricsShown).join(', ')}, …` : parts.join(', ');
}
