import type { FastifyInstance } from 'fastify';

export type ReadinessCheck = () => Promise<void>;

/** `/healthz`: the process answers. `/readyz`: Postgres and Redis answer too. */
export async function healthRoutes(app: FastifyInstance, opts: { checks: Record<string, ReadinessCheck> }) {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    const entries = await Promise.all(
      Object.entries(opts.checks).map(async ([name, check]) => {
        try {
          await withTimeout(check(), 1500);
          return [name, 'ok'] as const;
        } catch (err) {
          request.log.warn({ check: name, err }, 'readiness check failed');
          return [name, 'unavailable'] as const;
        }
      }),
    );
    const report = Object.fromEntries(entries);
    const ready = entries.every(([, state]) => state === 'ok');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not-ready', checks: report });
  });
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}
