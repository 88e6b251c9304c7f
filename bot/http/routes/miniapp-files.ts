import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * `/miniapp/`: the built Mini App (npm run build:miniapp), so it opens in a normal browser in local
 * mode. Inside Zalo the app is loaded from Zalo's own hosting (zmp deploy), not from here.
 */
export async function miniappFileRoutes(app: FastifyInstance, opts: { dir: string }) {
  const root = path.resolve(opts.dir);
  if (!existsSync(path.join(root, 'index.html'))) {
    app.get('/miniapp/*', async (_request, reply) => reply.code(404).type('text/plain; charset=utf-8').send('Mini App chưa được build: chạy npm run build:miniapp'));
    return;
  }
  // The build writes .br/.gz beside each asset: served as they are when the browser accepts them.
  await app.register(fastifyStatic, { root, prefix: '/miniapp/', index: ['index.html'], cacheControl: true, maxAge: '1h', preCompressed: true });
  app.get('/miniapp', async (_request, reply) => reply.redirect('/miniapp/'));
}
