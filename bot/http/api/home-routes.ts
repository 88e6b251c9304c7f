import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { countTeamOpenRequests, listUnitTargets } from '../../../db/queries/app-home.ts';
import { countTeamReports } from '../../../db/queries/app-reports.ts';
import { sumTeamMetrics } from '../../../db/queries/reports.ts';
import { metricIds, metrics } from '../../chat/group/report/metrics.ts';
import { maxCount } from '../../chat/group/report/report-values.ts';
import { percentOf } from '../../domain/digests/percent.ts';
import { dayMonth, isoDate, isoMonth, monthYear, vietnamDate } from '../../domain/calendar.ts';
import { isoWeekOf, weekDays } from '../../domain/iso-week.ts';
import type { ApiDeps } from './api-deps.ts';
import { countsSchema, meOf, meSchema, targetProgressSchema } from './api-schemas.ts';
import { requireCaller } from './caller.ts';
import { defineRoute } from './define-route.ts';

export function targetProgress(targets: { metric: string; target: number }[], totals: Record<string, number>) {
  return targets
    .filter((t) => t.target > 0)
    .map((t) => {
      const id = metricIds.find((m) => m === t.metric);
      const done = totals[t.metric] ?? 0;
      return { metric: t.metric, label: id ? metrics[id].label : t.metric, target: t.target, done, percent: percentOf(done, t.target) ?? 0 };
    });
}

/** Who I am, the metric catalogue, and the first screen: my team's week and month, my requests. */
export async function homeRoutes(app: FastifyInstance, deps: ApiDeps) {
  const auth = { db: deps.db, clock: deps.clock, sessions: deps.sessions };

  defineRoute(app, { method: 'GET', url: '/api/me', response: meSchema, handler: async ({ request }) => meOf(await requireCaller(request, auth)) });

  defineRoute(app, {
    method: 'GET',
    url: '/api/metrics',
    response: z.object({ metrics: z.array(z.object({ id: z.string(), label: z.string(), max: z.number().int() })) }),
    handler: async ({ request }) => {
      await requireCaller(request, auth);
      return { metrics: metricIds.map((id) => ({ id, label: metrics[id].label, max: maxCount })) };
    },
  });

  const totalsSchema = z.object({ label: z.string(), from: z.iso.date(), to: z.iso.date(), totals: countsSchema, reports: z.number().int() });
  defineRoute(app, {
    method: 'GET',
    url: '/api/home',
    response: z.object({
      me: meSchema,
      week: totalsSchema,
      month: z.object({ label: z.string(), totals: countsSchema, targets: z.array(targetProgressSchema) }),
      openRequests: z.number().int(),
      myRequests: z.number().int(),
    }),
    handler: async ({ request }) => {
      const caller = await requireCaller(request, auth);
      const today = vietnamDate(deps.clock.now());
      const week = isoWeekOf(today);
      const { monday, sunday } = weekDays(week);
      const month = { y: today.y, m: today.m };
      const lastDay = new Date(Date.UTC(month.y, month.m, 0)).getUTCDate();
      const [weekRows, monthRows, targets, requests] = await Promise.all([
        sumTeamMetrics(deps.db, { teamId: caller.team.id, from: isoDate(monday), to: isoDate(sunday) }),
        sumTeamMetrics(deps.db, { teamId: caller.team.id, from: isoDate({ ...month, d: 1 }), to: isoDate({ ...month, d: lastDay }) }),
        listUnitTargets(deps.db, { unitId: caller.unit.id, period: isoMonth(month) }),
        countTeamOpenRequests(deps.db, { teamId: caller.team.id, memberId: caller.member.id }),
      ]);
      const monthTotals = Object.fromEntries(monthRows.map((r) => [r.metric, Number(r.total)]));
      return {
        me: meOf(caller),
        week: {
          label: `Tuần ${week.week} (${dayMonth(monday).slice(0, 5)} – ${dayMonth(sunday).slice(0, 5)})`,
          from: isoDate(monday),
          to: isoDate(sunday),
          totals: Object.fromEntries(weekRows.map((r) => [r.metric, Number(r.total)])),
          reports: await countTeamReports(deps.db, { teamId: caller.team.id, from: isoDate(monday), to: isoDate(sunday) }),
        },
        month: { label: `Tháng ${monthYear(month)}`, totals: monthTotals, targets: targetProgress(targets, monthTotals) },
        openRequests: requests.open,
        myRequests: requests.mine,
      };
    },
  });
}
