import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FakeZaloState } from '../zalo-stand-in/fake-zalo-state.ts';
import { samplePicturePng } from './sample-pictures.ts';

const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

/** The page's files, by name: nothing else under public/ is ever read. */
const assets: Record<string, string> = {
  'simulator.css': 'text/css; charset=utf-8',
  'simulator.js': 'text/javascript; charset=utf-8',
  'simulator-api.js': 'text/javascript; charset=utf-8',
  'chat-bubbles.js': 'text/javascript; charset=utf-8',
  'chat-panes.js': 'text/javascript; charset=utf-8',
  'chat-log.js': 'text/javascript; charset=utf-8',
};

const assetParams = z.object({ file: z.string() });
const mediaParams = z.object({ attachmentId: z.string().min(1) });
const sampleParams = z.object({ file: z.string().regex(/^[a-z0-9-]+\.png$/) });

/** The page, its scripts, and the pictures it shows: read from disk each time, so edits show on reload. */
export function simulatorPageRoutes(app: FastifyInstance, standIn: Pick<FakeZaloState, 'uploads'>): void {
  app.get('/', async (_request, reply) => reply.redirect('/simulator'));

  app.get('/simulator', async (_request, reply) => {
    const html = await readFile(path.join(publicDir, 'index.html'), 'utf8');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  });

  app.get('/simulator/assets/:file', async (request, reply) => {
    const { file } = assetParams.parse(request.params);
    const type = assets[file];
    if (!type) return reply.code(404).type('text/plain; charset=utf-8').send('Không có tệp này.');
    return reply.type(type).header('cache-control', 'no-store').send(await readFile(path.join(publicDir, file), 'utf8'));
  });

  // Pictures the bot uploaded to the Zalo stand-in, shown in the bubble that names their attachment id.
  app.get('/simulator/media/:attachmentId', async (request, reply) => {
    const { attachmentId } = mediaParams.parse(request.params);
    const upload = standIn.uploads.get(attachmentId);
    if (!upload) return reply.code(404).type('text/plain; charset=utf-8').send('Không có ảnh này.');
    return reply.type(upload.mimeType).header('cache-control', 'max-age=3600').send(upload.data);
  });

  app.get('/simulator/samples/:file', async (request, reply) => {
    const params = sampleParams.safeParse(request.params);
    const png = params.success ? samplePicturePng(params.data.file.replace(/\.png$/, '')) : null;
    if (!png) return reply.code(404).type('text/plain; charset=utf-8').send('Không có ảnh mẫu này.');
    return reply.type('image/png').header('cache-control', 'max-age=3600').send(png);
  });
}
