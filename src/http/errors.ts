import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Problem } from './problem.ts';
import { toFieldErrors } from './validation-errors.ts';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
};

/** The one place where an outcome becomes an HTTP status: every error leaves as problem+json. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'unexpected error');
    reply.code(problem.status).type('application/problem+json').send(problem.toJSON());
  });
  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .type('application/problem+json')
      .send(
        new Problem(404, 'Not Found', `no route ${request.method} ${request.url.split('?')[0]}`).toJSON(),
      );
  });
}

/**
 * Fastify's router answers a malformed percent-encoding (a lone surrogate sent as %ED%A0%80) or an
 * over-long path parameter before any hook runs: these answers become problems too. The detail
 * does not repeat the URL, which may hold what the user typed.
 */
export function frameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode ?? 400;
  const detail =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'a path parameter is longer than the 100 characters allowed'
      : 'the URL is not valid: a path parameter is not correctly percent-encoded UTF-8';
  reply
    .code(status)
    .type('application/problem+json')
    .send(new Problem(status, TITLES[status] ?? 'Bad Request', detail).toJSON());
}

function toProblem(error: FastifyError): Problem {
  if (error instanceof Problem) return error;
  if (error.validation) {
    const errors = toFieldErrors(error.validation as never, error.validationContext ?? 'body');
    return new Problem(
      400,
      'Bad Request',
      errors.map((e) => `${e.pointer || '/'} ${e.detail}`).join('; '),
      errors,
    );
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return new Problem(400, 'Bad Request', `the request body is not valid JSON: ${error.message}`);
  }
  const status = error.statusCode ?? 500;
  if (status < 500) return new Problem(status, TITLES[status] ?? 'Bad Request', error.message);
  return new Problem(500, 'Internal Server Error', 'an unexpected error occurred; it has been logged');
}
