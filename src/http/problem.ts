// The one place a problem's code becomes an HTTP status (RFC 9457 application/problem+json).
// Domains throw ProblemError from src/shared/problem.ts and never name a status; the framework's
// own refusals (no route, body too large, bad JSON …) get codes here too. Field errors carry the
// JSON pointer of the field so the UI can show the message beside it.
import { ERROR_CODES, type ErrorCode, type FieldError, type ProblemError } from '../shared/problem.ts';

export type { FieldError };

/** Codes only the HTTP edge gives: the request never reached a domain. */
export const HTTP_CODES = {
  BAD_REQUEST:
    "The request cannot be read: a value does not follow the route's schema, the body is not JSON, or the URL is not valid.",
  NO_ROUTE: 'No API route has this method and path.',
  CONTENT_TOO_LARGE: 'The request body is larger than the server accepts.',
  URI_TOO_LONG: 'The URL is longer than the server accepts.',
  UNSUPPORTED_MEDIA_TYPE: 'The body is not of a content type the route reads.',
  TOO_MANY_REQUESTS: 'Too many requests (log-in attempts) in a short time; wait and try again.',
  INTERNAL: 'An unexpected error; the server log has it.',
} as const;

export type ApiCode = ErrorCode | keyof typeof HTTP_CODES;

export const API_CODES: Record<ApiCode, string> = { ...ERROR_CODES, ...HTTP_CODES };

export const STATUS: Record<ApiCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  NO_ROUTE: 404,
  CONFLICT: 409,
  CONTENT_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID: 422,
  TOO_MANY_REQUESTS: 429,
  JOB_FAILED: 500,
  INTERNAL: 500,
  CLEARINGHOUSE_UNAVAILABLE: 502,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

/** The code of a status the framework answered with on its own (a plugin's statusCode). */
export function codeOfStatus(status: number): ApiCode {
  const found = (Object.keys(STATUS) as ApiCode[]).find((c) => STATUS[c] === status && c !== 'NOT_FOUND');
  return found ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
}

export interface ProblemJson {
  type: 'about:blank';
  title: string;
  status: number;
  code: ApiCode;
  detail: string;
  resource?: string;
  errors?: FieldError[];
}

/** An API problem as it leaves the server. */
export class ApiProblem {
  constructor(
    readonly code: ApiCode,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly resource?: string,
    /** Only for a status the framework chose that has no code of its own (405, 406 …). */
    readonly status = STATUS[code],
  ) {}

  static of(error: ProblemError): ApiProblem {
    return new ApiProblem(error.code, error.message, error.errors, error.resource);
  }

  toJSON(): ProblemJson {
    return {
      type: 'about:blank',
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      code: this.code,
      detail: this.detail,
      ...(this.resource ? { resource: this.resource } : {}),
      ...(this.errors.length ? { errors: this.errors } : {}),
    };
  }
}

/** A refusal of the HTTP edge itself (a request that does not follow the route's schema). */
export class HttpProblemError extends Error {
  constructor(
    readonly code: keyof typeof HTTP_CODES,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}
