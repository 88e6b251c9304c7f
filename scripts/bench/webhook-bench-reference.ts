import Fastify from 'fastify';
import { verifyEventSignature } from '../../bot/zalo/verify-signature.ts';
import { testZalo } from '../local/local-zalo-credentials.ts';

/**
 * The reference the webhook is measured against, run as its own process like the bot: a bare
 * Fastify route that reads the raw bytes, checks the signature and answers 200 — no logging, no
 * storage, no queue. What the real route adds on top of this is the cost of durability.
 */
const app = Fastify();
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));
app.post('/webhooks/zalo', async (request, reply) => {
  const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const json: unknown = JSON.parse(rawBody.toString('utf8'));
  const timestamp = typeof json === 'object' && json !== null && 'timestamp' in json && typeof json.timestamp === 'string' ? json.timestamp : undefined;
  const check = verifyEventSignature(request.headers['x-zevent-signature'], rawBody, timestamp, { ...testZalo, compat: false });
  return check.ok ? reply.code(200).send({ ok: true }) : reply.code(401).send({ error: 'invalid-signature' });
});
app.get('/healthz', async () => ({ status: 'ok' }));

await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
