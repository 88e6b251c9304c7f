import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The one place HTTP errors are translated. Client errors keep Fastify's status (413 for a body over
 * the limit, 415, 400…); anything else is a 500 that reveals only the request id.
 */
export function httpErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) {
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'internal', requestId: request.id });
  }
  request.log.warn({ code: error.code, status }, error.message);
  return reply.code(status).send({ error: error.code ?? 'bad-request', message: error.message });
}
