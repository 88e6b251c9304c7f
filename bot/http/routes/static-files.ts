import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';

const files: Record<string, { path: URL; type: string }> = {
  'chia-se-so-dien-thoai.png': { path: new URL('../static/chia-se-so-dien-thoai.png', import.meta.url), type: 'image/png' },
};

/** `/static/<name>`: the few images Zalo fetches from us (the share-phone card's picture). */
export async function staticFileRoutes(app: FastifyInstance) {
  app.get<{ Params: { name: string } }>('/static/:name', async (request, reply) => {
    const file = files[request.params.name];
    if (!file) return reply.code(404).send({ error: 'not-found' });
    return reply.type(file.type).header('cache-control', 'public, max-age=86400').send(await readFile(file.path));
  });
}
