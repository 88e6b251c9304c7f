import type { FastifyReply } from 'fastify';
import { z } from 'zod';

const statusOf = {
  'invalid-request': 400,
  'invalid-report': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-linked': 403,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
  unavailable: 503,
} as const;

export type ApiErrorKind = keyof typeof statusOf;

/** What the API answers when a request cannot be served; `message` is Vietnamese, for the user. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export const apiErrorBody = z.object({ error: z.string(), message: z.string(), retryAfterSec: z.number().optional() });

/** The one place API errors become HTTP answers. */
export function sendApiError(reply: FastifyReply, error: ApiError): FastifyReply {
  return reply.code(statusOf[error.kind]).send({ error: error.kind, message: error.message });
}
