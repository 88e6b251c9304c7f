import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { guideImagesDir } from '../../guides/guide-images.ts';
import { guideLibrary } from '../../guides/guide-library.ts';
import { guideIds, isGuideId } from '../../guides/guide.ts';
import { personalize } from '../../chat/resident/personalize.ts';
import type { ApiDeps } from './api-deps.ts';
import { ApiError } from './api-error.ts';
import { apiTexts } from './api-texts.vi.ts';
import { requireCaller } from './caller.ts';
import { defineRoute } from './define-route.ts';

/** Guide text is written to a resident ("{b}"); a member reads it aloud at the door, so it says "bạn". */
const plain = (text: string) => {
  const content = personalize({ kind: 'text', text }, null);
  return content.kind === 'text' ? content.text : text;
};

const imageUrl = (file: string) => `/api/guide-images/${encodeURIComponent(file)}`;

/** The chat's guide library as pages a member can show a resident: the same data, not a copy. */
export async function guideRoutes(app: FastifyInstance, deps: ApiDeps) {
  const auth = { db: deps.db, clock: deps.clock, sessions: deps.sessions };

  defineRoute(app, {
    method: 'GET',
    url: '/api/guides',
    response: z.object({ guides: z.array(z.object({ id: z.string(), title: z.string(), summary: z.string(), steps: z.number().int() })) }),
    handler: async ({ request }) => {
      await requireCaller(request, auth);
      return { guides: guideIds.map((id) => guideLibrary[id]).map((g) => ({ id: g.id, title: g.title, summary: plain(g.intro), steps: g.steps.length })) };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/guides/:id',
    params: z.object({ id: z.string().max(60) }),
    response: z.object({ id: z.string(), title: z.string(), summary: z.string(), steps: z.array(z.object({ text: z.string(), image: z.string().nullable() })), done: z.string() }),
    handler: async ({ request, params }) => {
      await requireCaller(request, auth);
      if (!isGuideId(params.id)) throw new ApiError('not-found', apiTexts.notFound);
      const g = guideLibrary[params.id];
      return { id: g.id, title: g.title, summary: plain(g.intro), steps: g.steps.map((s) => ({ text: plain(s.text), image: s.image ? imageUrl(s.image.file) : null })), done: plain(g.done) };
    },
  });

  // Pictures are public instructions (no personal data), so an <img> may load them without a session.
  const files = new Set(Object.values(guideLibrary).flatMap((g) => g.steps.flatMap((s) => (s.image ? [s.image.file] : []))));
  app.get<{ Params: { file: string } }>('/api/guide-images/:file', async (request, reply) => {
    const file = request.params.file;
    if (!files.has(file)) return reply.code(404).send({ error: 'not-found', message: apiTexts.notFound });
    const type = file.endsWith('.png') ? 'image/png' : 'image/jpeg';
    return reply.type(type).header('cache-control', 'public, max-age=86400').send(await readFile(path.join(guideImagesDir, path.basename(file))));
  });
}
