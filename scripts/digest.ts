import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { queueWeekDigest } from '../bot/chat/digest/queue-week-digest.ts';
import { renderWeekDigest } from '../bot/chat/digest/render-week-digest.ts';
import { digestContents } from '../bot/chat/digest/queue-week-digest.ts';
import type { OutboundContent } from '../bot/domain/outbox/outbound-content.ts';
import { createReportLinks } from '../bot/chat/digest/report-links.ts';
import { renderWeekChartPng } from '../bot/chat/digest/week-chart-png.ts';
import { vietnamDate } from '../bot/domain/calendar.ts';
import { buildCommuneWeekDigest } from '../bot/domain/digests/commune-week-digest.ts';
import { formatIsoWeek, isoWeekOf, parseIsoWeek, previousWeek } from '../bot/domain/iso-week.ts';
import { findOrgUnitByCode } from '../db/queries/org-units.ts';
import { handOverOutbox } from '../bot/pipeline/hand-over-outbox.ts';
import { runWithCore } from './lib/run-with-core.ts';

/**
 * `npm run digest -- --commune <code> [--week 2026-W48] [--dry-run]`: the weekly digest of one
 * commune (by default the last full week). With --dry-run it prints exactly the messages that would
 * be sent and sends nothing; without, it queues them for the leaders' group (once per week).
 */
const usage = 'usage: npm run digest -- --commune <code> [--week YYYY-Www] [--dry-run]';
const { values } = parseArgs({ options: { commune: { type: 'string' }, week: { type: 'string' }, 'dry-run': { type: 'boolean' } } });
if (!values.commune) {
  console.error(usage);
  process.exit(2);
}
const week = values.week ? parseIsoWeek(values.week) : previousWeek(isoWeekOf(vietnamDate(new Date())));
if (!week) {
  console.error(`"${values.week}" is not an ISO week such as 2026-W48\n${usage}`);
  process.exit(2);
}
const communeCode = values.commune;
await runWithCore('digest', async (core) => {
  const commune = await findOrgUnitByCode(core.db, communeCode);
  if (!commune || commune.kind !== 'commune') throw new Error(`no commune with code "${communeCode}"`);
  const links = createReportLinks(core.config.publicBaseUrl, core.links);
  const params = { communeId: commune.id, week, now: new Date(), graceDays: core.config.digestGraceDays, links };
  if (values['dry-run']) {
    const digest = await buildCommuneWeekDigest(core.db, params);
    const messages = digestContents(renderWeekDigest(digest), params);
    const chart = path.join(os.tmpdir(), `digest-${commune.code}-${formatIsoWeek(week)}.png`);
    writeFileSync(chart, renderWeekChartPng(digest));
    console.log(`# ${commune.name}, ${formatIsoWeek(week)}: ${messages.length} message(s), not sent (--dry-run)\n`);
    console.log(messages.map((m, i) => describe(m, i + 1, chart)).join('\n\n'));
    if (!links) console.log('\n(PUBLIC_BASE_URL is not set: the chart goes without a link to open it full size)');
    return;
  }
  const outcome = await core.db.transaction((tx) => queueWeekDigest(tx, params));
  if (outcome.kind === 'queued') await handOverOutbox(core, outcome.outboxIds, core.logger);
  const said = { queued: `queued ${outcome.messages.length} message(s) for the leaders' group`, 'already-sent': 'already sent for this week: nothing new', 'no-leaders-group': "not sent: the commune's leaders' group is not linked (npm run team:create -- <code> --leaders)" };
  console.log(`${commune.name}, ${formatIsoWeek(week)}: ${said[outcome.kind]}`);
});

/** One message as the dry run prints it: its text, or for the chart its caption and the PNG's path. */
function describe(content: OutboundContent, n: number, chartPath: string): string {
  if (content.kind === 'week-chart') return `--- message ${n}: picture ${chartPath} ---\n${content.caption}`;
  const text = content.kind === 'text' ? content.text : JSON.stringify(content);
  return `--- message ${n} (${text.length} characters) ---\n${text}`;
}
