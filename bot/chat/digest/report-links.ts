import type { LinkSigner } from '../../crypto/signed-links.ts';
import type { YearMonth } from '../../domain/digests/commune-month-report.ts';

/** How long a report link sent in a group keeps working. */
export const reportLinkDays = 7;

export type ReportLinks = { monthReportUrl: (communeId: number, month: YearMonth, now: Date) => string };

export function monthReportPath(communeId: number, month: YearMonth): string {
  return `/downloads/bao-cao-thang/${communeId}/${month.y}-${String(month.m).padStart(2, '0')}.xlsx`;
}

/** Null when the bot has no public address: then nobody outside could open a link anyway. */
export function createReportLinks(publicBaseUrl: string | null, signer: LinkSigner): ReportLinks | null {
  if (!publicBaseUrl) return null;
  return {
    monthReportUrl: (communeId, month, now) => `${publicBaseUrl}${signer.sign(monthReportPath(communeId, month), new Date(now.getTime() + reportLinkDays * 86_400_000))}`,
  };
}
