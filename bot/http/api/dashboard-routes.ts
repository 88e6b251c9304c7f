import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listCommuneSummaries } from '../../../db/queries/app-communes.ts';
import type { CommuneScope } from '../../../db/queries/app-communes.ts';
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
import type { Caller } from './caller.ts';
import { communeForLeader, isLeader, requireCaller } from './caller.ts';
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

const communesSchema = z.object({
  week: z.object({ id: z.string(), label: z.string() }),
  province: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  communes: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      villages: z.number().int(),
      reportedVillages: z.number().int(),
      reportingRate: z.number(),
      openRequests: z.number().int(),
      overdueRequests: z.number().int(),
    }),
  ),
});

const weekQuery = z.string().regex(/^\d{4}-W\d{2}$/).optional();

/** The week asked for ("2026-W48"), this week (Vietnam time) by default; 400 for a week that does not exist. */
function weekOf(requested: string | undefined, now: Date): IsoWeek {
  const week: IsoWeek | null = requested ? parseIsoWeek(requested) : isoWeekOf(vietnamDate(now));
  if (!week) throw new ApiError('invalid-request', apiTexts.invalidRequest('query.week'));
  return week;
}

/** "Tuần 48 (23/11 – 29/11)" */
function weekLabel(week: IsoWeek): string {
  const { monday, sunday } = weekDays(week);
  return `Tuần ${week.week} (${dayMonth(monday).slice(0, 5)} – ${dayMonth(sunday).slice(0, 5)})`;
}

/** Which communes a leader may pick: an admin all, a province admin their province's, a commune leader theirs. */
function communeScope(caller: Caller): CommuneScope {
  if (!isLeader(caller)) throw new ApiError('forbidden', apiTexts.noLeadersDashboard);
  if (caller.member.role === 'admin') return 'all';
  if (caller.member.role === 'province_admin' && caller.province) return { provinceId: caller.province.id };
  return { communeId: caller.commune.id };
}

/** The leaders' dashboard: the digest's numbers for a week, the trend, overdue requests, the XLSX; the communes a leader may pick. */
export async function dashboardRoutes(app: FastifyInstance, deps: ApiDeps) {
  const auth = { db: deps.db, clock: deps.clock, sessions: deps.sessions };

  defineRoute(app, {
    method: 'GET',
    url: '/api/communes',
    query: z.object({ week: weekQuery }),
    response: communesSchema,
    handler: async ({ request, query }) => {
      const caller = await requireCaller(request, auth);
      const scope = communeScope(caller);
      const now = deps.clock.now();
      const week = weekOf(query.week, now);
      const { monday, sunday } = weekDays(week);
      const rows = await listCommuneSummaries(deps.db, { scope, monday: isoDate(monday), sunday: isoDate(sunday), now });
      return {
        week: { id: formatIsoWeek(week), label: weekLabel(week) },
        province: caller.province ? { id: caller.province.id, name: caller.province.name } : null,
        communes: rows.map((c) => ({ ...c, reportingRate: percentOf(c.reportedVillages, c.villages) ?? 0 })),
      };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/dashboard',
    query: z.object({ week: weekQuery, communeId: z.coerce.number().int().positive().optional() }),
    response: dashboardSchema,
    handler: async ({ request, query }) => {
      const caller = await requireCaller(request, auth);
      const commune = await communeForLeader(deps.db, caller, query.communeId);
      const now = deps.clock.now();
      const week = weekOf(query.week, now);
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
        week: { id: formatIsoWeek(week), label: weekLabel(week), from: isoDate(digest.monday), to: isoDate(digest.sunday) },
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
