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

/** Logging in: with the Zalo access token (verified with Zalo), or in development as any member. */
export async function authRoutes(app: FastifyInstance, deps: ApiDeps) {
  async function sessionFor(memberId: number) {
    const caller = await loadCaller(deps.db, memberId);
    if (!caller) throw new ApiError('not-linked', apiTexts.notLinked);
    const expiresAt = new Date(deps.clock.now().getTime() + deps.config.sessionMs);
    return { session: deps.sessions.issue(memberId, expiresAt), expiresAt: expiresAt.toISOString(), me: meOf(caller) };
  }

  app.get('/api/config', async () => ({ devLogin: deps.config.devLogin }));

  defineAuthRoute(app, deps, sessionFor);

  // Development only: the routes do not exist unless the setting is on (and the setting cannot be
  // on in production: see parseConfig).
  if (!deps.config.devLogin) return;
  app.get('/api/auth/dev/identities', async () => {
    const rows = await listMembersWithTeams(deps.db, 200);
    return {
      identities: rows.map((r) => ({ memberId: r.member.id, name: r.member.displayName, role: roleSchema.parse(r.member.role), team: r.teamName })),
    };
  });
  app.post('/api/auth/dev', async (request, reply) => {
    const body = z.object({ memberId: z.number().int().positive() }).safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: 'invalid-request', message: apiTexts.invalidRequest('body.memberId') });
    try {
      return sessionAnswer.parse(await sessionFor(body.data.memberId));
    } catch (err) {
      if (err instanceof ApiError) return reply.code(404).send({ error: 'not-found', message: apiTexts.notFound });
      throw err;
    }
  });
}

function defineAuthRoute(app: FastifyInstance, deps: ApiDeps, sessionFor: (memberId: number) => Promise<z.infer<typeof sessionAnswer>>) {
  const body = z.object({
    accessToken: z.string().min(1).max(4096),
    phoneToken: z.string().min(1).max(4096).optional(),
    linkCode: z.string().trim().min(4).max(12).optional(),
  });
  app.post('/api/auth/zalo', async (request, reply) => {
    const input = body.safeParse(request.body);
    if (!input.success) return reply.code(400).send({ error: 'invalid-request', message: apiTexts.invalidRequest(`body.${input.error.issues[0]?.path.join('.') ?? ''}`) });
    const graph = deps.graph;
    if (!graph) return reply.code(503).send({ error: 'unavailable', message: apiTexts.noZaloApp });
    try {
      const user = await graph.me(input.data.accessToken);
      const phone = input.data.phoneToken ? await graph.phoneNumber(input.data.accessToken, input.data.phoneToken) : null;
      const outcome = await deps.db.transaction((tx) => resolveAppUser(tx, { miniappUserId: user.id, linkCode: input.data.linkCode ?? null, phone, now: deps.clock.now() }));
      switch (outcome.kind) {
        case 'member':
          return sessionAnswer.parse(await sessionFor(outcome.member.id));
        case 'bad-code':
          return reply.code(403).send({ error: 'not-linked', message: apiTexts.badLinkCode });
        case 'phone-unknown':
          return reply.code(403).send({ error: 'not-linked', message: apiTexts.phoneUnknown });
        case 'not-linked':
          return reply.code(403).send({ error: 'not-linked', message: apiTexts.notLinked });
      }
    } catch (err) {
      if (err instanceof GraphAuthError) {
        request.log.warn({ code: err.code }, 'Zalo refused a Mini App token');
        return reply.code(401).send({ error: 'unauthenticated', message: apiTexts.zaloRefused });
      }
      if (err instanceof ZaloTransportError) return reply.code(503).send({ error: 'unavailable', message: apiTexts.zaloUnavailable });
      throw err;
    }
  });
}
