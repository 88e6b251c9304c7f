import { isoMonth } from '../../domain/calendar.ts';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../db/client.ts';
import { getOrgUnit } from '../../../db/queries/org-units.ts';
import { writeMonthReportXlsx } from '../../chat/digest/month-report-xlsx.ts';
import { monthReportPath, weekChartPath } from '../../chat/digest/report-links.ts';
import { renderWeekChartPng } from '../../chat/digest/week-chart-png.ts';
import { buildCommuneWeekDigest } from '../../domain/digests/commune-week-digest.ts';
import { parseIsoWeek } from '../../domain/iso-week.ts';
import type { Clock } from '../../clock.ts';
import type { LinkSigner } from '../../crypto/signed-links.ts';
import { buildCommuneMonthReport, parseYearMonth } from '../../domain/digests/commune-month-report.ts';

/**
 * `GET /downloads/bao-cao-thang/<communeId>/<YYYY-MM>.xlsx?exp=…&sig=…`: the monthly report, made
 * when asked, for whoever holds a link the bot signed (sent in the leaders' group). 403 for a link
 * that was changed, 410 for one that has expired.
 */
export async function downloadRoutes(app: FastifyInstance, opts: { db: Db; clock: Clock; links: LinkSigner }) {
  app.get<{ Params: { communeId: string; week: string }; Querystring: { exp?: string; sig?: string } }>('/downloads/bieu-do-tuan/:communeId/:week.png', async (request, reply) => {
    const communeId = Number(request.params.communeId);
    const week = parseIsoWeek(request.params.week);
    if (!Number.isSafeInteger(communeId) || communeId <= 0 || !week) return reply.code(404).send({ error: 'not-found' });
    const check = opts.links.verify(weekChartPath(communeId, week), request.query, opts.clock.now());
    if (check !== 'ok') return reply.code(check === 'expired' ? 410 : 403).send({ error: check === 'expired' ? 'link-expired' : 'invalid-link' });
    const commune = await getOrgUnit(opts.db, communeId).catch(() => null);
    if (!commune || commune.kind !== 'commune') return reply.code(404).send({ error: 'not-found' });
    const digest = await buildCommuneWeekDigest(opts.db, { communeId, week, now: opts.clock.now(), graceDays: 0 });
    return reply.type('image/png').header('cache-control', 'private, no-store').send(renderWeekChartPng(digest));
  });

  app.get<{ Params: { communeId: string; month: string }; Querystring: { exp?: string; sig?: string } }>(
    '/downloads/bao-cao-thang/:communeId/:month.xlsx',
    async (request, reply) => {
      const communeId = Number(request.params.communeId);
      const month = parseYearMonth(request.params.month);
      if (!Number.isSafeInteger(communeId) || communeId <= 0 || !month) return reply.code(404).send({ error: 'not-found' });
      const check = opts.links.verify(monthReportPath(communeId, month), request.query, opts.clock.now());
      if (check === 'bad-signature') return reply.code(403).send({ error: 'invalid-link' });
      if (check === 'expired') return reply.code(410).send({ error: 'link-expired', reason: 'ask for a new link with /baocaothang in the leaders group' });
      const commune = await getOrgUnit(opts.db, communeId).catch(() => null);
      if (!commune || commune.kind !== 'commune') return reply.code(404).send({ error: 'not-found' });
      const file = await writeMonthReportXlsx(await buildCommuneMonthReport(opts.db, { communeId, month }), opts.clock.now());
      const name = `bao-cao-thang-${isoMonth(month)}-${commune.code}.xlsx`;
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'private, no-store')
        .send(file);
    },
  );
}
