import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiError, sendApiError } from './api-error.ts';
import { apiTexts } from './api-texts.vi.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

type Parsed<P, Q, B> = { params: P; query: Q; body: B; request: FastifyRequest; reply: FastifyReply };

/**
 * One API route with its request schemas (params, query, body) and its answer's schema. A request
 * that does not match is a 400 naming the field; an answer that does not match is our bug and a
 * 500, never sent half-right. An ApiError thrown by the handler becomes its HTTP answer here.
 */
export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  app: FastifyInstance,
  spec: {
    method: Method;
    url: string;
    params?: P;
    query?: Q;
    body?: B;
    response: R;
    /** 201 for a creation; 200 otherwise. A handler may also set the code itself. */
    status?: number;
    handler: (input: Parsed<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<z.infer<R>>;
  },
): void {
  app.route({
    method: spec.method,
    url: spec.url,
    handler: async (request, reply) => {
      try {
        const input = {
          params: parse(spec.params, request.params, 'params'),
          query: parse(spec.query, request.query, 'query'),
          body: parse(spec.body, request.body, 'body'),
          request,
          reply,
        };
        const answer = await spec.handler(input as Parsed<z.infer<P>, z.infer<Q>, z.infer<B>>);
        const checked = spec.response.safeParse(answer);
        if (!checked.success) throw new Error(`answer of ${spec.method} ${spec.url} does not match its schema: ${z.prettifyError(checked.error)}`);
        if (reply.statusCode === 200 && spec.status) reply.code(spec.status);
        return checked.data;
      } catch (err) {
        if (err instanceof ApiError) return sendApiError(reply, err);
        throw err;
      }
    },
  });
}

function parse<S extends z.ZodType>(schema: S | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = [where, ...(issue?.path ?? [])].join('.');
  throw new ApiError('invalid-request', apiTexts.invalidRequest(field));
}
