import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listMembersWithTeams } from '../../../db/queries/app-members.ts';
import { resolveAppUser } from '../../domain/teams/app-login.ts';
import { GraphAuthError } from '../../zalo/graph-client.ts';
import { ZaloTransportError } from '../../zalo/zalo-errors.ts';
import type { ApiDeps } from './api-deps.ts';
import { ApiError } from './api-error.ts';
import { apiTexts } from './api-texts.vi.ts';
import { meOf, roleSchema, sessionAnswer } from './api-schemas.ts';
import { loadCaller } from './caller.ts';
import { defineRoute } from './define-route.ts';

/** Logging in: with the Zalo access token (verified with Zalo), or in development as any member. */
export async function authRoutes(app: FastifyInstance, deps: ApiDeps) {
  async function sessionFor(memberId: number, unknown: ApiError) {
    const caller = await loadCaller(deps.db, memberId);
    if (!caller) throw unknown;
    const expiresAt = new Date(deps.clock.now().getTime() + deps.config.sessionMs);
    return { session: deps.sessions.issue(memberId, expiresAt), expiresAt: expiresAt.toISOString(), me: meOf(caller) };
  }

  defineRoute(app, { method: 'GET', url: '/api/config', response: z.object({ devLogin: z.boolean() }), handler: async () => ({ devLogin: deps.config.devLogin }) });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/zalo',
    body: z.object({
      accessToken: z.string().min(1).max(4096),
      phoneToken: z.string().min(1).max(4096).optional(),
      linkCode: z.string().trim().min(4).max(12).optional(),
    }),
    response: sessionAnswer,
    handler: async ({ request, body }) => {
      if (!deps.graph) throw new ApiError('unavailable', apiTexts.noZaloApp);
      const graph = deps.graph;
      try {
        const user = await graph.me(body.accessToken);
        const phone = body.phoneToken ? await graph.phoneNumber(body.accessToken, body.phoneToken) : null;
        const outcome = await deps.db.transaction((tx) => resolveAppUser(tx, { miniappUserId: user.id, linkCode: body.linkCode ?? null, phone, now: deps.clock.now() }));
        switch (outcome.kind) {
          case 'member':
            return await sessionFor(outcome.member.id, new ApiError('not-linked', apiTexts.notLinked));
          case 'bad-code':
            throw new ApiError('not-linked', apiTexts.badLinkCode);
          case 'phone-unknown':
            throw new ApiError('not-linked', apiTexts.phoneUnknown);
          case 'not-linked':
            throw new ApiError('not-linked', apiTexts.notLinked);
        }
      } catch (err) {
        if (err instanceof GraphAuthError) {
          request.log.warn({ code: err.code }, 'Zalo refused a Mini App token');
          throw new ApiError('unauthenticated', apiTexts.zaloRefused);
        }
        if (err instanceof ZaloTransportError) throw new ApiError('unavailable', apiTexts.zaloUnavailable);
        throw err;
      }
    },
  });

  // Development only: the routes do not exist unless the setting is on (and the setting cannot be
  // on in production: see parseConfig).
  if (!deps.config.devLogin) return;
  defineRoute(app, {
    method: 'GET',
    url: '/api/auth/dev/identities',
    response: z.object({ identities: z.array(z.object({ memberId: z.number().int(), name: z.string(), role: roleSchema, team: z.string() })) }),
    handler: async () => {
      const rows = await listMembersWithTeams(deps.db, 200);
      return { identities: rows.map((r) => ({ memberId: r.member.id, name: r.member.displayName, role: r.member.role, team: r.teamName })) };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/dev',
    body: z.object({ memberId: z.number().int().positive() }),
    response: sessionAnswer,
    handler: async ({ body }) => sessionFor(body.memberId, new ApiError('not-found', apiTexts.notFound)),
  });
}
