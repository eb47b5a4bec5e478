import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError } from '../shared/problem.ts';
import { ApiProblem, codeOfStatus, HttpProblemError } from './problem.ts';
import { toFieldErrors } from './validation-errors.ts';

/** The one place where an outcome becomes an HTTP status: every error leaves as problem+json. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'unexpected error');
    reply.code(problem.status).type('application/problem+json').send(problem.toJSON());
  });
  app.setNotFoundHandler((request, reply) => {
    const problem = new ApiProblem('NO_ROUTE', `no route ${request.method} ${request.url.split('?')[0]}`);
    reply.code(problem.status).type('application/problem+json').send(problem.toJSON());
  });
}

/**
 * Fastify's router answers a malformed percent-encoding (a lone surrogate sent as %ED%A0%80) or an
 * over-long path parameter before any hook runs: these answers become problems too. The detail
 * does not repeat the URL, which may hold what the user typed.
 */
export function frameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const detail =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'a path parameter is longer than the 100 characters allowed'
      : 'the URL is not valid: a path parameter is not correctly percent-encoded UTF-8';
  const status = error.statusCode ?? 400;
  const problem = new ApiProblem(codeOfStatus(status), detail, [], undefined, status);
  reply.code(problem.status).type('application/problem+json').send(problem.toJSON());
}

function toProblem(error: FastifyError): ApiProblem {
  if (error instanceof ProblemError) return ApiProblem.of(error);
  if (error instanceof HttpProblemError) return new ApiProblem(error.code, error.message, error.errors);
  if (error.validation) {
    const errors = toFieldErrors(error.validation as never, error.validationContext ?? 'body');
    return new ApiProblem(
      'BAD_REQUEST',
      errors.map((e) => `${e.pointer || '/'} ${e.detail}`).join('; '),
      errors,
    );
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return new ApiProblem('BAD_REQUEST', `the request body is not valid JSON: ${error.message}`);
  }
  const status = error.statusCode ?? 500;
  if (status < 500) return new ApiProblem(codeOfStatus(status), error.message, [], undefined, status);
  return new ApiProblem('INTERNAL', 'an unexpected error occurred; it has been logged');
}
