import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listOverdueRequestsOfCommune } from '../../../db/queries/app-help-requests.ts';
import { listCommuneWeeklyTotals } from '../../../db/queries/commune-week.ts';
import { lastMonth } from '../../chat/digest/month-report-reply.ts';
import { addDays, dayMonth, isoDate, vietnamDate } from '../../domain/calendar.ts';
import { buildCommuneWeekDigest } from '../../domain/digests/commune-week-digest.ts';
import { formatIsoWeek, isoWeekOf, parseIsoWeek, previousWeek, weekDays } from '../../domain/iso-week.ts';
import type { IsoWeek } from '../../domain/iso-week.ts';
import type { ApiDeps } from './api-deps.ts';
import { ApiError } from './api-error.ts';
import { apiTexts } from './api-texts.vi.ts';
import { countsOf, countsSchema, helpRequestSchema, targetProgressSchema } from './api-schemas.ts';
import { communeForLeader, requireCaller } from './caller.ts';
import { defineRoute } from './define-route.ts';
import { targetProgress } from './home-routes.ts';
import { percentOf } from '../../domain/digests/percent.ts';
import { toHelpRequest } from './help-request-routes.ts';
import { monthReportPath } from '../../chat/digest/report-links.ts';

const trendWeeks = 8;

const dashboardSchema = z.object({
  commune: z.object({ id: z.number().int(), name: z.string() }),
  week: z.object({ label: z.string(), from: z.iso.date(), to: z.iso.date(), id: z.string() }),
  reportingRate: z.number(),
  onTimeRate: z.number(),
  villages: z.array(z.object({ id: z.number().int(), name: z.string(), reported: z.boolean(), onTime: z.boolean(), totals: countsSchema })),
  totals: countsSchema,
  targets: z.array(targetProgressSchema),
  coverage: z.object({ adults: z.number().int(), level2: z.number().int(), percent: z.number() }).nullable(),
  trend: z.array(z.object({ week: z.string(), totals: countsSchema })),
  overdueRequests: z.array(helpRequestSchema),
  monthlyReportUrl: z.string(),
});

/** The leaders' dashboard: the digest's numbers for a week, the trend, overdue requests, the XLSX. */
export async function dashboardRoutes(app: FastifyInstance, deps: ApiDeps) {
  const auth = { db: deps.db, clock: deps.clock, sessions: deps.sessions };

  defineRoute(app, {
    method: 'GET',
    url: '/api/dashboard',
    query: z.object({ week: z.string().regex(/^\d{4}-W\d{2}$/).optional(), communeId: z.coerce.number().int().positive().optional() }),
    response: dashboardSchema,
    handler: async ({ request, query }) => {
      const caller = await requireCaller(request, auth);
      const commune = await communeForLeader(deps.db, caller, query.communeId);
      const now = deps.clock.now();
      const today = vietnamDate(now);
      const week: IsoWeek | null = query.week ? parseIsoWeek(query.week) : isoWeekOf(today);
      if (!week) throw new ApiError('invalid-request', apiTexts.invalidRequest('query.week'));
      const digest = await buildCommuneWeekDigest(deps.readDb, { communeId: commune.id, week, now, graceDays: deps.digestGraceDays });
      let first = week;
      for (let i = 1; i < trendWeeks; i++) first = previousWeek(first);
      const weekly = await listCommuneWeeklyTotals(deps.readDb, { communeId: commune.id, from: isoDate(weekDays(first).monday), to: isoDate(digest.sunday) });
      const trend = Array.from({ length: trendWeeks }, (_, i) => {
        const monday = addDays(weekDays(first).monday, 7 * i);
        const key = isoDate(monday);
        return { week: formatIsoWeek(isoWeekOf(monday)), totals: Object.fromEntries(weekly.filter((w) => w.monday === key).map((w) => [w.metric, w.total])) };
      });
      const overdue = await listOverdueRequestsOfCommune(deps.db, { communeId: commune.id, now, limit: 20 });
      const expected = digest.villages.length;
      const { adults, level2SoFar } = digest.progress;
      const month = lastMonth(now);
      return {
        commune: { id: commune.id, name: commune.name },
        week: { id: formatIsoWeek(week), label: `Tuần ${week.week} (${dayMonth(digest.monday).slice(0, 5)} – ${dayMonth(digest.sunday).slice(0, 5)})`, from: isoDate(digest.monday), to: isoDate(digest.sunday) },
        reportingRate: percentOf(digest.reported, expected) ?? 0,
        onTimeRate: percentOf(digest.onTime, expected) ?? 0,
        villages: digest.villages.map((v) => ({ id: v.villageId, name: v.name, reported: v.reported, onTime: v.onTime, totals: countsOf(v.totals) })),
        totals: countsOf(digest.totals),
        targets: targetProgress(digest.progress.monthTargets, Object.fromEntries(digest.progress.monthTargets.map((t) => [t.metric, t.done]))),
        coverage: adults > 0 ? { adults, level2: level2SoFar, percent: percentOf(level2SoFar, adults) ?? 0 } : null,
        trend,
        overdueRequests: overdue.map((r) => toHelpRequest(r, caller, now)),
        monthlyReportUrl: deps.signedDownload(monthReportPath(commune.id, month), now),
      };
    },
  });
}
