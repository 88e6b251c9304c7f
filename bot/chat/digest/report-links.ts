import { isoMonth } from '../../domain/calendar.ts';
import type { LinkSigner } from '../../crypto/signed-links.ts';
import type { YearMonth } from '../../domain/digests/commune-month-report.ts';
import { formatIsoWeek } from '../../domain/iso-week.ts';
import type { IsoWeek } from '../../domain/iso-week.ts';

/** How long a report link sent in a group keeps working. */
export const reportLinkDays = 7;

export type ReportLinks = {
  monthReportUrl: (communeId: number, month: YearMonth, now: Date) => string;
  weekChartUrl: (communeId: number, week: IsoWeek, now: Date) => string;
};

export function weekChartPath(communeId: number, week: IsoWeek): string {
  return `/downloads/bieu-do-tuan/${communeId}/${formatIsoWeek(week)}.png`;
}

export function monthReportPath(communeId: number, month: YearMonth): string {
  return `/downloads/bao-cao-thang/${communeId}/${isoMonth(month)}.xlsx`;
}

/** Null when the bot has no public address: then nobody outside could open a link anyway. */
export function createReportLinks(publicBaseUrl: string | null, signer: LinkSigner): ReportLinks | null {
  if (!publicBaseUrl) return null;
  return {
    monthReportUrl: (communeId, month, now) => `${publicBaseUrl}${signer.sign(monthReportPath(communeId, month), new Date(now.getTime() + reportLinkDays * 86_400_000))}`,
    weekChartUrl: (communeId, week, now) => `${publicBaseUrl}${signer.sign(weekChartPath(communeId, week), new Date(now.getTime() + reportLinkDays * 86_400_000))}`,
  };
}
