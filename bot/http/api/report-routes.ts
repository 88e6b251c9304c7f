import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { getReportWithItems, listTeamReports } from '../../../db/queries/app-reports.ts';
import type { ReportWithItems } from '../../../db/queries/app-reports.ts';
import { texts } from '../../chat/texts.vi.ts';
import { checkReportValues } from '../../chat/group/report/report-values.ts';
import type { ReportValuesCheck } from '../../chat/group/report/report-values.ts';
import { vietnamDate } from '../../domain/calendar.ts';
import { changeability, editAppReport, submitAppReport, withdrawAppReport } from '../../domain/reports/app-reports.ts';
import type { ChangeOutcome } from '../../domain/reports/app-reports.ts';
import type { ApiDeps } from './api-deps.ts';
import { ApiError } from './api-error.ts';
import { apiTexts } from './api-texts.vi.ts';
import { idParams, pageOfSchema, pageQuery, readPage, reportSchema } from './api-schemas.ts';
import type { Caller } from './caller.ts';
import { assertTeamVisible, requireCaller } from './caller.ts';
import { defineRoute } from './define-route.ts';
import { getTeam } from '../../../db/queries/teams.ts';
import { transactionRetryingConflicts } from '../../../db/retry-conflicts.ts';

const reportInput = z.object({
  date: z.iso.date(),
  counts: z.record(z.string().max(40), z.number()).refine((c) => Object.keys(c).length <= 20, 'too many metrics'),
  note: z.string().trim().max(500).optional(),
});

/** The shared validator's verdict, or a 400 in the words the group would have used. */
function checked(input: z.infer<typeof reportInput>, now: Date): Extract<ReportValuesCheck, { ok: true }> {
  const result = checkReportValues(input, vietnamDate(now));
  if (result.ok) return result;
  const problem = texts.group.problems[result.error];
  const message = typeof problem === 'function' ? problem(result.detail ?? '') : problem;
  throw new ApiError('invalid-report', `Báo cáo chưa được ghi: ${message}`);
}

function toReport(r: ReportWithItems, caller: Caller, now: Date): z.infer<typeof reportSchema> {
  return {
    id: r.id,
    date: r.reportDate,
    memberId: r.memberId,
    memberName: r.memberName,
    counts: r.counts,
    note: r.note,
    source: r.source,
    createdAt: r.createdAt.toISOString(),
    editable: changeability(r, caller.member.id, now) === null,
    withdrawn: r.undoneAt !== null,
  };
}

function refuse(outcome: Exclude<ChangeOutcome, { kind: 'changed' }>): never {
  switch (outcome.kind) {
    case 'not-found':
      throw new ApiError('not-found', apiTexts.notFound);
    case 'not-yours':
      throw new ApiError('forbidden', apiTexts.reportNotYours);
    case 'too-old':
      throw new ApiError('conflict', apiTexts.reportTooOld);
    case 'withdrawn':
      throw new ApiError('conflict', apiTexts.reportWithdrawn);
  }
}

/** A team's reports: list, send (once per device key), edit and withdraw one's own. */
export async function reportRoutes(app: FastifyInstance, deps: ApiDeps) {
  const auth = { db: deps.db, clock: deps.clock, sessions: deps.sessions };

  /** A report the caller may see: their team's, or for leaders any team of their commune. */
  async function visibleReport(caller: Caller, id: number): Promise<ReportWithItems> {
    const report = await getReportWithItems(deps.db, id);
    if (!report) throw new ApiError('not-found', apiTexts.notFound);
    await assertTeamVisible(deps.db, caller, await getTeam(deps.db, report.teamId), 'see');
    return report;
  }

  defineRoute(app, {
    method: 'GET',
    url: '/api/reports',
    query: pageQuery.extend({ teamId: z.coerce.number().int().positive().optional() }),
    response: pageOfSchema(reportSchema),
    handler: async ({ request, query }) => {
      const caller = await requireCaller(request, auth);
      const teamId = query.teamId ?? caller.team.id;
      if (teamId !== caller.team.id) await assertTeamVisible(deps.db, caller, await getTeam(deps.db, teamId).catch(() => null), 'see');
      const now = deps.clock.now();
      return readPage(query, (before, limit) => listTeamReports(deps.db, { teamId, before, limit }), (r) => toReport(r, caller, now));
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/reports',
    body: reportInput.extend({ clientKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) }),
    response: z.object({ report: reportSchema, duplicate: z.boolean() }),
    handler: async ({ request, reply, body }) => {
      const caller = await requireCaller(request, auth);
      const now = deps.clock.now();
      const values = checked(body, now);
      const saved = await transactionRetryingConflicts(deps.db, (tx) =>
        submitAppReport(tx, { teamId: caller.team.id, memberId: caller.member.id, clientKey: body.clientKey, date: body.date, counts: values.counts, note: body.note || null, now }),
      );
      reply.code(saved.duplicate ? 200 : 201);
      return { report: toReport(await visibleReport(caller, saved.report.id), caller, now), duplicate: saved.duplicate };
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/reports/:id',
    params: idParams,
    body: reportInput,
    response: z.object({ report: reportSchema }),
    handler: async ({ request, params, body }) => {
      const caller = await requireCaller(request, auth);
      await visibleReport(caller, params.id);
      const now = deps.clock.now();
      const values = checked(body, now);
      const outcome = await transactionRetryingConflicts(deps.db, (tx) => editAppReport(tx, { reportId: params.id, memberId: caller.member.id, date: body.date, counts: values.counts, note: body.note || null, now }));
      if (outcome.kind !== 'changed') refuse(outcome);
      return { report: toReport(await visibleReport(caller, params.id), caller, now) };
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/reports/:id',
    params: idParams,
    response: z.object({ report: reportSchema }),
    handler: async ({ request, params }) => {
      const caller = await requireCaller(request, auth);
      await visibleReport(caller, params.id);
      const now = deps.clock.now();
      const outcome = await transactionRetryingConflicts(deps.db, (tx) => withdrawAppReport(tx, { reportId: params.id, memberId: caller.member.id, now }));
      if (outcome.kind !== 'changed') refuse(outcome);
      return { report: toReport(await visibleReport(caller, params.id), caller, now) };
    },
  });
}

