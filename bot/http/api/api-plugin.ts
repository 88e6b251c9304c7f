import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { ApiDeps } from './api-deps.ts';
import { apiTexts } from './api-texts.vi.ts';
import { authRoutes } from './auth-routes.ts';
import { dashboardRoutes } from './dashboard-routes.ts';
import { guideRoutes } from './guide-routes.ts';
import { helpRequestRoutes } from './help-request-routes.ts';
import { homeRoutes } from './home-routes.ts';
import { reportRoutes } from './report-routes.ts';
import { teamRoutes } from './team-routes.ts';

/**
 * `/api`: the Mini App's API (docs/miniapp-api.md). Rate-limited per user: the member behind the
 * session when there is one, else the address (the login routes).
 */
export async function apiPlugin(app: FastifyInstance, deps: ApiDeps) {
  await app.register(rateLimit, {
    max: deps.config.rateLimitPerMin,
    timeWindow: 60_000,
    keyGenerator: (request) => {
      const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const session = token ? deps.sessions.read(token, deps.clock.now()) : null;
      return session && typeof session === 'object' ? `member:${session.memberId}` : `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) => Object.assign(new Error(apiTexts.rateLimited), { statusCode: 429, code: 'rate-limited', retryAfterSec: Math.ceil(context.ttl / 1000) }),
  });
  for (const routes of [authRoutes, homeRoutes, reportRoutes, helpRequestRoutes, guideRoutes, dashboardRoutes, teamRoutes]) await routes(app, deps);
}
