import { dayMonth, parseIsoDate } from '../../domain/calendar.ts';
import { texts } from '../texts.vi.ts';
import { digestTexts } from '../digest/digest-texts.vi.ts';
import type { CommandRejection } from './group-command.ts';
import { metricIds, metrics } from './report/metrics.ts';

/** "12 hộ đã đến", in the catalogue's order. */
export function metricLines(counts: Partial<Record<string, number>>): string[] {
  return metricIds.flatMap((m) => {
    const n = counts[m];
    return n === undefined ? [] : [`${n} ${metrics[m].label}`];
  });
}

export function isoToDayMonth(iso: string): string {
  return dayMonth(parseIsoDate(iso));
}

/** The Vietnamese answer to a message that looked like a command but could not be done. */
export function rejectionText(rejection: CommandRejection): string {
  switch (rejection.reason) {
    case 'report': {
      const problem = texts.group.problems[rejection.error];
      return texts.group.reportRejected(typeof problem === 'string' ? problem : problem(rejection.detail ?? ''));
    }
    case 'missing-request-number':
      return texts.group.missingNumber(rejection.command === 'claim' ? 'nhan' : 'xong');
    case 'missing-link-code':
      return texts.group.missingCode;
    case 'correction-hint':
      return texts.group.correctionHint;
    case 'bad-month':
      return digestTexts.badMonth;
  }
}

export function metricCatalogueText(): string {
  return metricIds.map((m) => `${metrics[m].phrases[0]} (${metrics[m].label})`).join(', ');
}
